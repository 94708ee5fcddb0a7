package io.github.cwlappender.examples;

import io.github.cwlappender.core.CloudWatchLogs;
import io.github.cwlappender.core.FlushResult;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AWS Lambda handler that delivers its log events before each invocation ends. Lambda freezes the execution
 * environment as soon as the handler returns: the appender's threads stop with it, so whatever is still buffered
 * would wait for the next invocation, or be lost if the environment is shut down instead.
 *
 * <p>The method has the shape of {@code RequestHandler<Map<String, Object>, String>.handleRequest}. Lambda calls it by
 * name (handler {@code io.github.cwlappender.examples.LambdaHandlerExample::handleRequest}), so this example needs
 * no Lambda library. With {@code com.amazonaws:aws-lambda-java-core} on your class path, implement
 * {@code RequestHandler} and pass {@code context.getRemainingTimeInMillis()} to {@link #flushLogs(long)} instead of
 * the fixed budget used here.
 *
 * <p>It logs through SLF4J; the logging configuration (logback.xml or log4j2.xml on the class path) names the
 * CloudWatch Logs appender. {@link CloudWatchLogs#flushAll} reaches every appender, whichever framework made it.
 */
public final class LambdaHandlerExample
{
    // The longest an invocation waits for its logs; shorter when the function's own deadline is nearer.
    private static final long FLUSH_BUDGET_MILLIS = 2_000;
    // Left to the function after the flush, so that a slow flush never makes the invocation time out.
    private static final long SAFETY_MARGIN_MILLIS = 200;

    // Named like an application's class: loggers under io.github.cwlappender would be this library's own.
    private static final Logger LOG = LoggerFactory.getLogger("com.example.orders.OrderHandler");

    public String handleRequest(Map<String, Object> input)
    {
        try
        {
            Object orderId = input == null ? null : input.get("orderId");
            LOG.info("order {} received", orderId);
            if (orderId == null)
            {
                LOG.warn("no orderId in the request, nothing to do");
                return "ignored";
            }
            LOG.info("order {} accepted", orderId);
            return "accepted " + orderId;
        }
        finally
        {
            // In finally: an invocation that fails still delivers the events that explain why.
            flushLogs(FLUSH_BUDGET_MILLIS + SAFETY_MARGIN_MILLIS);
        }
    }

    /**
     * Delivers everything logged so far, waiting at most {@value #FLUSH_BUDGET_MILLIS} ms and never into the last
     * {@value #SAFETY_MARGIN_MILLIS} ms of the invocation. What is not delivered in time stays buffered for the next
     * invocation; nothing is thrown.
     */
    static FlushResult flushLogs(long remainingMillis)
    {
        long budget = Math.max(0, Math.min(FLUSH_BUDGET_MILLIS, remainingMillis - SAFETY_MARGIN_MILLIS));
        FlushResult result = CloudWatchLogs.flushAll(Duration.ofMillis(budget));
        if (!result.isComplete())
        {
            // Standard error goes to the function's own log group, so this note survives a failing appender.
            System.err.println("CloudWatch Logs: " + result + " after " + budget + " ms");
        }
        return result;
    }

    /** Three invocations in a row, as Lambda makes them; run it with a configuration that names the appender. */
    public static void main(String[] args)
    {
        LambdaHandlerExample handler = new LambdaHandlerExample();
        System.out.println(handler.handleRequest(Map.of("orderId", "o-42")));
        System.out.println(handler.handleRequest(Map.of("orderId", "o-43")));
        System.out.println(handler.handleRequest(Map.of()));
    }
}
