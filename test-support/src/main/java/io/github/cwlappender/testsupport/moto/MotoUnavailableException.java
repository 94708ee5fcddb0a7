package io.github.cwlappender.testsupport.moto;

/** moto_server could not be found or did not start; the message says what to do about it. */
public final class MotoUnavailableException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public MotoUnavailableException(String message)
    {
        super(message);
    }

    public MotoUnavailableException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
