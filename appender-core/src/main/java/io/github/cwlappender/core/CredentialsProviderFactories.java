package io.github.cwlappender.core;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/** Loads and creates the class named by the {@code credentialsProviderFactory} option, or says why it cannot. */
final class CredentialsProviderFactories
{
    private static final String OPTION = "credentialsProviderFactory";

    private CredentialsProviderFactories()
    {
    }

    /** The created factory, or null after adding a problem that names the class and what went wrong. */
    static CredentialsProviderFactory create(String className, List<String> problems)
    {
        Class<?> type = load(className);
        if (type == null)
        {
            problems.add(OPTION + ": class '" + className + "' was not found on the class path; give the full name"
                    + " of a class implementing " + CredentialsProviderFactory.class.getName());
            return null;
        }
        if (!CredentialsProviderFactory.class.isAssignableFrom(type))
        {
            problems.add(OPTION + ": class '" + className + "' does not implement "
                    + CredentialsProviderFactory.class.getName());
            return null;
        }
        try
        {
            return (CredentialsProviderFactory) type.getConstructor().newInstance();
        }
        catch (NoSuchMethodException | IllegalAccessException e)
        {
            problems.add(OPTION + ": class '" + className + "' needs a public no-argument constructor");
        }
        catch (InvocationTargetException e)
        {
            problems.add(OPTION + ": class '" + className + "' failed in its constructor: " + e.getCause());
        }
        catch (InstantiationException | RuntimeException | LinkageError e)
        {
            problems.add(OPTION + ": class '" + className + "' could not be created: " + e);
        }
        return null;
    }

    // The application's class loader first (frameworks load configuration there), then the one that loaded us.
    private static Class<?> load(String className)
    {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, CredentialsProviderFactories.class.getClassLoader()})
        {
            if (loader == null)
            {
                continue;
            }
            try
            {
                return Class.forName(className, false, loader);
            }
            catch (ClassNotFoundException | LinkageError e)
            {
                // try the next loader
            }
        }
        return null;
    }
}
