package io.github.cwlappender.testsupport.moto;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Gives tests a running {@link MotoServer}: annotate the class with {@code @ExtendWith(MotoServerExtension.class)},
 * then take a {@code MotoServer} parameter in the constructor, a test method or a {@code @BeforeEach} method.
 *
 * <p>One server serves the whole test run; it stops when the run ends. When moto is not installed or does not start,
 * each test is skipped (a JUnit assumption) with the reason and the fix, run {@code scripts/install-moto.sh}, unless
 * the environment variable {@code CI=true} or the system property {@code cwl.requireEmulator=true} is set: then each
 * test fails, so that a missing install step can never hide behind a green build. ({@code @BeforeAll} parameters
 * are not supported: JUnit turns any problem there into an error.)
 */
public final class MotoServerExtension implements TestInstancePreConstructCallback, BeforeEachCallback,
        ParameterResolver
{
    /** System property that turns a missing moto into a failure. */
    public static final String REQUIRE_PROPERTY = "cwl.requireEmulator";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            MotoServerExtension.class);
    private static final String KEY = "moto-server";

    // Checked before the test instance is built (a constructor may take the server) and again before each test;
    // an abort there skips that one test, which Maven reports with its reason.
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context)
    {
        server(context);
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext)
    {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void beforeEach(ExtensionContext context)
    {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
    {
        return parameterContext.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
    {
        SharedServer shared = shared(extensionContext);
        if (shared.server == null)
        {
            // Only reachable outside a test (a @BeforeAll method): the per-test checks above skip or fail first.
            throw new ParameterResolutionException(shared.problem);
        }
        return shared.server;
    }

    private static MotoServer server(ExtensionContext context)
    {
        return shared(context).serverOrAbort(emulatorRequired(System.getenv(), System.getProperties()));
    }

    private static SharedServer shared(ExtensionContext context)
    {
        // The root store lives for the whole run and closes what it holds at the end.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> SharedServer.start(),
                SharedServer.class);
    }

    /** True when a missing moto must fail the tests: {@code CI=true} or {@code -Dcwl.requireEmulator=true}. */
    static boolean emulatorRequired(Map<String, String> env, Properties properties)
    {
        return "true".equalsIgnoreCase(String.valueOf(env.get("CI")).trim())
                || "true".equalsIgnoreCase(String.valueOf(properties.getProperty(REQUIRE_PROPERTY)).trim());
    }

    /** The run's one server, or why there is none; started at most once per run. */
    @SuppressWarnings("deprecation") // CloseableResource for JUnit before 5.13; AutoCloseable for the newer ones
    static final class SharedServer implements ExtensionContext.Store.CloseableResource, AutoCloseable
    {
        private final MotoServer server;
        private final String problem;

        private SharedServer(MotoServer server, String problem)
        {
            this.server = server;
            this.problem = problem;
        }

        static SharedServer start()
        {
            try
            {
                return new SharedServer(MotoServer.start(), null);
            }
            catch (MotoUnavailableException e)
            {
                return unavailable(e.getMessage());
            }
        }

        static SharedServer unavailable(String problem)
        {
            return new SharedServer(null, problem);
        }

        /** The server; otherwise skips the test, or fails it when the emulator is required. */
        MotoServer serverOrAbort(boolean required)
        {
            if (server != null)
            {
                return server;
            }
            if (required)
            {
                throw new ExtensionConfigurationException(problem + " (this fails instead of skipping because"
                        + " CI=true or -D" + REQUIRE_PROPERTY + "=true)");
            }
            return Assumptions.abort(problem);
        }

        @Override
        public void close()
        {
            if (server != null)
            {
                server.stop();
            }
        }
    }
}
