package io.github.cwlappender.core.internal;

/**
 * Brings a message string that a logging thread wrote, on another core, into the batcher's cache in one wide copy
 * before the rules read it a character at a time. The copy's loads of the message's cache lines overlap; the rules'
 * loop waited for each line in turn, and those waits were most of the batcher's time. Only the first
 * {@value #WARM_CHARS} characters, which hold nearly every log line whole; the rest of a longer one is read as before.
 * UTF-8 bytes need no warming: their check reads eight bytes at a time, and warming them first measured no faster.
 * Used by the batcher thread only.
 */
final class MessageWarmer
{
    static final int WARM_CHARS = 4096;

    private final byte[] scratch = new byte[WARM_CHARS];

    /** Loads the start of {@code message}'s characters. */
    @SuppressWarnings("deprecation")
    void warm(String message)
    {
        // The char-to-byte copy is a plain array copy for Latin-1 strings (nearly all log lines); its result is not
        // used.
        message.getBytes(0, Math.min(message.length(), WARM_CHARS), scratch, 0);
    }
}
