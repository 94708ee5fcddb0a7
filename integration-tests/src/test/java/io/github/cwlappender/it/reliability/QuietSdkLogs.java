package io.github.cwlappender.it.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Without a Logback configuration the SDK logs every request at DEBUG to the console, which slows the load
 * scenarios down a lot and buries their results. This raises the SDK's level for one test class and restores it.
 */
final class QuietSdkLogs implements BeforeAllCallback, AfterAllCallback
{
    private static final String SDK = "software.amazon.awssdk";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QuietSdkLogs.class);

    @Override
    public void beforeAll(ExtensionContext context)
    {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext)
        {
            ch.qos.logback.classic.Logger sdk = ((LoggerContext) factory).getLogger(SDK);
            context.getStore(NAMESPACE).put("level", sdk.getLevel() == null ? "" : sdk.getLevel().toString());
            sdk.setLevel(Level.INFO);
        }
    }

    @Override
    public void afterAll(ExtensionContext context)
    {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        String before = context.getStore(NAMESPACE).get("level", String.class);
        if (factory instanceof LoggerContext && before != null)
        {
            ((LoggerContext) factory).getLogger(SDK).setLevel(before.isEmpty() ? null : Level.toLevel(before));
        }
    }
}
