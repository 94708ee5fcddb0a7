package io.github.cwlappender.testsupport.fake;

/**
 * An error the fake answers in the service's own shape: HTTP status plus {@code {"__type": code, "message": ...}}.
 */
final class ServiceError extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    static final String INVALID_PARAMETER = "InvalidParameterException";
    static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    static final String RESOURCE_ALREADY_EXISTS = "ResourceAlreadyExistsException";
    static final String THROTTLING = "ThrottlingException";
    static final String SERVICE_UNAVAILABLE = "ServiceUnavailableException";
    static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
    static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationTokenException";
    static final String SERIALIZATION = "SerializationException";
    static final String INVALID_SIGNATURE = "InvalidSignatureException";
    static final String UNKNOWN_OPERATION = "UnknownOperationException";

    private final int status;
    private final String code;

    private ServiceError(int status, String code, String message)
    {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ServiceError clientError(String code, String message)
    {
        return new ServiceError(400, code, message);
    }

    /** As the service answers a request whose signature does not match it. */
    static ServiceError invalidSignature(String detail)
    {
        return new ServiceError(403, INVALID_SIGNATURE, "The request signature we calculated does not match the"
                + " signature you provided. " + detail);
    }

    static ServiceError invalidParameter(String message)
    {
        return clientError(INVALID_PARAMETER, message);
    }

    static ServiceError notFound(String message)
    {
        return clientError(RESOURCE_NOT_FOUND, message);
    }

    static ServiceError alreadyExists(String message)
    {
        return clientError(RESOURCE_ALREADY_EXISTS, message);
    }

    static ServiceError unavailable(String message)
    {
        return new ServiceError(500, SERVICE_UNAVAILABLE, message);
    }

    int status()
    {
        return status;
    }

    String code()
    {
        return code;
    }
}
