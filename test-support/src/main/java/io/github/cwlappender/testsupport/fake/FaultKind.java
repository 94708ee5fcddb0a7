package io.github.cwlappender.testsupport.fake;

/** The ways {@link Faults} can make a request fail. */
public enum FaultKind
{
    /** HTTP 400 {@code ThrottlingException}; nothing is stored. */
    THROTTLING,
    /** HTTP 500 {@code ServiceUnavailableException}; nothing is stored. */
    SERVER_ERROR,
    /**
     * The connection is closed halfway through reading the request, without a response; nothing is stored. The
     * client sees an {@code IOException}.
     */
    CONNECTION_RESET,
    /**
     * The request takes full effect (events are stored), then the connection is closed without a response, so the
     * client cannot know that it succeeded.
     */
    RESPONSE_LOST,
    /** HTTP 400 {@code UnrecognizedClientException}, as for bad credentials; nothing is stored. */
    CREDENTIALS,
    /** The request takes effect and its response is held back for a while. */
    SLOW_RESPONSE,
    /** A request that arrived during an outage (see {@link Faults#outageFor} and {@link Faults#unavailableFor}). */
    OUTAGE
}
