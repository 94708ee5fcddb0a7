package io.github.cwlappender.core.internal;

import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** What a failed call to the service means for the sender: one kind per way of reacting. */
enum Failure
{
    /** Throttled: back off with jitter and retry. */
    THROTTLED,
    /** Server fault, network error or timeout: back off and retry. */
    TRANSIENT,
    /** Log group or stream missing: create it, then retry. */
    RESOURCE_NOT_FOUND,
    /** The request itself is malformed: never resend it unchanged. */
    INVALID_PARAMETER,
    /** Bad or missing credentials, missing permission, no region: report, retry slowly, never spin. */
    CREDENTIALS,
    /** Anything else the service refuses: give up on the batch. */
    PERMANENT;

    private static final Set<String> CREDENTIAL_CODES = Set.of("UnrecognizedClientException",
            "AccessDeniedException", "AccessDenied", "InvalidClientTokenId", "ExpiredTokenException",
            "ExpiredToken", "InvalidSignatureException", "SignatureDoesNotMatch", "MissingAuthenticationToken",
            "IncompleteSignature", "NotAuthorized", "UnauthorizedOperation", "AuthFailure");

    /** True when the failure says the service cannot be reached or will not take our calls right now. */
    boolean meansDeliveryFailing()
    {
        return this == THROTTLED || this == TRANSIENT || this == CREDENTIALS;
    }

    /** True when the service itself answered (an HTTP error response), as opposed to not being reached at all. */
    static boolean isServiceAnswer(Throwable error)
    {
        return error instanceof SdkServiceException;
    }

    static Failure classify(Throwable error)
    {
        if (error instanceof ResourceNotFoundException)
        {
            return RESOURCE_NOT_FOUND;
        }
        if (error instanceof InvalidParameterException)
        {
            return INVALID_PARAMETER;
        }
        if (error instanceof SdkServiceException)
        {
            return classifyService((SdkServiceException) error);
        }
        if (error instanceof SdkClientException)
        {
            return classifyClient((SdkClientException) error);
        }
        return PERMANENT;
    }

    private static Failure classifyService(SdkServiceException e)
    {
        String code = e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null
                ? ((AwsServiceException) e).awsErrorDetails().errorCode() : null;
        if (code != null && CREDENTIAL_CODES.contains(code))
        {
            return CREDENTIALS;
        }
        if (e.isThrottlingException())
        {
            return THROTTLED;
        }
        int status = e.statusCode();
        if (status >= 500 || status == 408)
        {
            return TRANSIENT;
        }
        if (status == 401 || status == 403)
        {
            return CREDENTIALS;
        }
        return PERMANENT;
    }

    private static Failure classifyClient(SdkClientException e)
    {
        // The SDK reports missing credentials or region as a client exception before any request is made.
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("unable to load credentials") || message.contains("unable to load region")
                || message.contains("access key") || message.contains("credentials"))
        {
            return CREDENTIALS;
        }
        return TRANSIENT;
    }

    /** "Code: message" for status reports and {@code lastError}. SDK messages never carry secrets. */
    static String describe(Throwable error)
    {
        if (error instanceof AwsServiceException && ((AwsServiceException) error).awsErrorDetails() != null)
        {
            AwsServiceException e = (AwsServiceException) error;
            return e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + "): "
                    + e.awsErrorDetails().errorMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        return root == error ? text : text + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage()
                + ")";
    }
}
