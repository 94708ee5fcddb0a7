package io.github.cwlappender.it.adapters;

/**
 * Run in a child JVM by {@link JvmExitDeliveryTest}: logs a few events and returns from main without stopping its
 * logging framework, as many short-lived programs do. Argument: {@code logback} or {@code log4j2}, then the count.
 */
public final class ExitingApp
{
    private ExitingApp()
    {
    }

    public static void main(String[] args)
    {
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++)
        {
            if (args[0].equals("logback"))
            {
                org.slf4j.LoggerFactory.getLogger("com.example.batch.Job").info("exit event {}", i);
            }
            else
            {
                org.apache.logging.log4j.LogManager.getLogger("com.example.batch.Job").info("exit event {}", i);
            }
        }
    }
}
