package io.github.cwlappender.core;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Loads and creates the user's class named by a class-name option ({@code credentialsProviderFactory},
 * {@code clientFactory}), or says why it cannot.
 */
final class UserFactories
{
    private UserFactories()
    {
    }

    /** The created instance, or null after adding a problem that names the option, the class and what went wrong. */
    static <T> T create(String option, String className, Class<T> type, List<String> problems)
    {
        Class<?> loaded = load(className);
        if (loaded == null)
        {
            problems.add(option + ": class '" + className + "' was not found on the class path; give the full name"
                    + " of a class implementing " + type.getName());
            return null;
        }
        if (!type.isAssignableFrom(loaded))
        {
            problems.add(option + ": class '" + className + "' does not implement " + type.getName());
            return null;
        }
        try
        {
            return type.cast(loaded.getConstructor().newInstance());
        }
        catch (NoSuchMethodException | IllegalAccessException e)
        {
            problems.add(option + ": class '" + className + "' needs a public no-argument constructor");
        }
        catch (InvocationTargetException e)
        {
            problems.add(option + ": class '" + className + "' failed in its constructor: " + e.getCause());
        }
        catch (InstantiationException | RuntimeException | LinkageError e)
        {
            problems.add(option + ": class '" + className + "' could not be created: " + e);
        }
        return null;
    }

    // The application's class loader first (frameworks load configuration there), then the one that loaded us.
    private static Class<?> load(String className)
    {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, UserFactories.class.getClassLoader()})
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
