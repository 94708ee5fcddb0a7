package io.github.cwlappender.core;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers an engine's {@link CloudWatchLogsAppenderMXBean} with the platform MBean server and removes it again.
 * JMX trouble (a name taken by another appender of the same name, a security manager) is reported, never thrown:
 * monitoring must not stop logging.
 */
final class EngineMXBeanRegistration implements CloudWatchLogsAppenderMXBean
{
    static final String DOMAIN = "io.github.cwlappender";

    private final CloudWatchLogsEngine engine;
    private ObjectName registered;

    EngineMXBeanRegistration(CloudWatchLogsEngine engine)
    {
        this.engine = engine;
    }

    static ObjectName nameFor(String appenderName) throws JMException
    {
        return new ObjectName(DOMAIN + ":type=CloudWatchLogsAppender,name=" + quoteIfNeeded(appenderName));
    }

    /** For a second running appender of the same name (another logging context in the same JVM, say). */
    private static ObjectName nameFor(String appenderName, int instance) throws JMException
    {
        return new ObjectName(nameFor(appenderName) + ",instance=" + instance);
    }

    private static String quoteIfNeeded(String value)
    {
        for (char c : new char[] {',', '=', ':', '"', '*', '?', '\n'})
        {
            if (value.indexOf(c) >= 0)
            {
                return ObjectName.quote(value);
            }
        }
        return value;
    }

    /**
     * Registers under the appender's name, or, while another appender of that name is registered, under the first
     * free {@code instance} number. Returns the name, or null with {@code problem} set when JMX refused.
     */
    synchronized ObjectName register(StringBuilder problem)
    {
        try
        {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            String appender = engine.config().name();
            ObjectName name = nameFor(appender);
            for (int instance = 2; server.isRegistered(name) && instance < 1000; instance++)
            {
                name = nameFor(appender, instance);
            }
            server.registerMBean(this, name);
            registered = name;
            return name;
        }
        catch (JMException | RuntimeException e)
        {
            problem.append(e);
            return null;
        }
    }

    synchronized void unregister()
    {
        if (registered == null)
        {
            return;
        }
        try
        {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
        }
        catch (JMException | RuntimeException e)
        {
            // Already gone: nothing left to clean up.
        }
        registered = null;
    }

    @Override
    public String getLogGroup()
    {
        return engine.config().logGroup();
    }

    @Override
    public String getLogStream()
    {
        return engine.config().logStream();
    }

    @Override
    public long getAccepted()
    {
        return engine.statistics().accepted();
    }

    @Override
    public long getDelivered()
    {
        return engine.statistics().delivered();
    }

    @Override
    public long getRejected()
    {
        return engine.statistics().rejected();
    }

    @Override
    public Map<String, Long> getRejectedByReason()
    {
        return byName(engine.statistics().rejectedByReason());
    }

    @Override
    public long getDropped()
    {
        return engine.statistics().dropped();
    }

    @Override
    public Map<String, Long> getDroppedByReason()
    {
        return byName(engine.statistics().droppedByReason());
    }

    @Override
    public long getPending()
    {
        return engine.statistics().pending();
    }

    @Override
    public long getBatchesSent()
    {
        return engine.statistics().batchesSent();
    }

    @Override
    public long getRetries()
    {
        return engine.statistics().retries();
    }

    @Override
    public long getThrottles()
    {
        return engine.statistics().throttles();
    }

    @Override
    public long getBufferedBytes()
    {
        return engine.bufferedBytes();
    }

    @Override
    public long getBufferBytesLimit()
    {
        return engine.config().bufferBytes();
    }

    @Override
    public boolean isDeliveryHealthy()
    {
        return engine.deliveryFailure() == null;
    }

    @Override
    public String getDeliveryFailure()
    {
        return engine.deliveryFailure();
    }

    @Override
    public String getLastError()
    {
        return engine.statistics().lastError();
    }

    private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts)
    {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((reason, count) -> named.put(reason.name(), count));
        return named;
    }
}
