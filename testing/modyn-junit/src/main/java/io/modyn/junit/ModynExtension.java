package io.modyn.junit;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension that gives a test class a Modyn server: declared by {@link ModynTest}, or
 * registered with settings of its own,
 *
 * <pre>{@code
 * @RegisterExtension
 * static ModynExtension modyn = ModynExtension.builder().options("--region", "eu-west-1").build();
 * }</pre>
 *
 * (a static field: the server lives for the class). Before the class's first test the server is
 * started ({@link ModynTest.Scope#CLASS}) or taken from the run's shared servers
 * ({@link ModynTest.Scope#SUITE}, emptied first when asked); after its last test a class's own
 * server is stopped, and a shared one when the run ends. Nested classes use their enclosing
 * class's server. Parameters of type {@link ModynServer}, {@link URI} (the endpoint) and
 * {@code DynamoDbClient} (when the SDK is on the class path; one per class, closed after it) are
 * resolved. Each server has free ports and a data directory of its own, so classes may run in
 * parallel.
 */
public final class ModynExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ModynExtension.class);
    private static final String RESOURCES = "class-resources";

    /** Settings given in code; null when the extension is declared by {@link ModynTest}. */
    private final Settings declared;
    /** The latest class's resources, for the accessors of a registered extension. */
    private volatile ClassResources current;

    /** The extension as {@link ModynTest} declares it: its settings come from the annotation. */
    public ModynExtension() {
        this.declared = null;
    }

    private ModynExtension(Settings settings) {
        this.declared = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server of the running class (of a registered extension). */
    public ModynServer server() {
        ClassResources resources = current;
        if (resources == null) throw new IllegalStateException("No Modyn server: the extension starts one before the class's first test");
        return resources.server();
    }

    public URI endpoint() {
        return server().endpoint();
    }

    /**
     * A {@code DynamoDbClient} for the server, created on first use and closed after the class
     * ({@code DynamoDbClient dynamo = modyn.dynamoDbClient();}); generic so that this class loads
     * without the SDK.
     */
    public <T> T dynamoDbClient() {
        ClassResources resources = current;
        if (resources == null) throw new IllegalStateException("No Modyn server: the extension starts one before the class's first test");
        @SuppressWarnings("unchecked")
        T client = (T) resources.dynamoDbClient();
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        ClassResources inherited = store.get(RESOURCES, ClassResources.class);
        if (inherited != null) {
            current = inherited;
            return;
        }
        Settings settings = declared != null ? declared : Settings.of(context.getRequiredTestClass());
        ClassResources resources;
        if (settings.scope == ModynTest.Scope.SUITE) {
            SharedServer shared = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(settings.server.key(), key -> new SharedServer(settings.server.start()), SharedServer.class);
            if (settings.cleanPerClass) shared.server().deleteAllTables();
            resources = new ClassResources(shared.server(), false);
        } else {
            resources = new ClassResources(settings.server.start(), true);
        }
        store.put(RESOURCES, resources);
        current = resources;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassResources resources = context.getStore(NAMESPACE).remove(RESOURCES, ClassResources.class);
        if (resources != null) resources.close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ModynServer.class || type == URI.class || type.getName().equals(DynamoDbClients.CLIENT_CLASS);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassResources resources = Optional.ofNullable(context.getStore(NAMESPACE).get(RESOURCES, ClassResources.class))
                .orElseThrow(() -> new IllegalStateException("No Modyn server for " + context.getDisplayName()
                        + ": constructor parameters and static @BeforeAll methods of a class registering the extension run before it starts"));
        Class<?> type = parameter.getParameter().getType();
        if (type == ModynServer.class) return resources.server();
        if (type == URI.class) return resources.server().endpoint();
        return resources.dynamoDbClient();
    }

    /** The settings of a {@link #builder()}-made extension. */
    public static final class Builder {

        private final ModynServer.Builder server = ModynServer.builder();
        private ModynTest.Scope scope = ModynTest.Scope.CLASS;
        private boolean cleanPerClass = true;

        private Builder() {
        }

        /** The server's settings (distribution, in memory, options, environment). */
        public ModynServer.Builder server() {
            return server;
        }

        public Builder inMemory(boolean inMemory) {
            server.inMemory(inMemory);
            return this;
        }

        /** The region the server reports and the injected client uses. */
        public Builder region(String region) {
            server.region(region);
            return this;
        }

        public Builder options(String... options) {
            server.options(options);
            return this;
        }

        public Builder scope(ModynTest.Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder cleanPerClass(boolean clean) {
            this.cleanPerClass = clean;
            return this;
        }

        public ModynExtension build() {
            return new ModynExtension(new Settings(server, scope, cleanPerClass));
        }
    }

    private record Settings(ModynServer.Builder server, ModynTest.Scope scope, boolean cleanPerClass) {

        static Settings of(Class<?> testClass) {
            ModynServer.Builder server = ModynServer.builder();
            Optional<ModynTest> annotation = AnnotationSupport.findAnnotation(testClass, ModynTest.class);
            if (annotation.isEmpty()) return new Settings(server, ModynTest.Scope.CLASS, true);
            ModynTest test = annotation.get();
            server.inMemory(test.inMemory()).options(test.options());
            return new Settings(server, test.scope(), test.cleanPerClass());
        }
    }
}
