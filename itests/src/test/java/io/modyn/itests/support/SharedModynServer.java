package io.modyn.itests.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Gives test classes one server for the whole run, so most of the suite pays for one server start.
 * Tests sharing it must not change it beyond their own tables (unique names, see {@link TestTables});
 * tests that stop, kill or reconfigure a server start their own {@link ModynServer}.
 *
 * <p>Resolves parameters of type {@link ModynServer}, {@link DynamoDbClient} and {@link WireClient}.
 * The server is stopped when the test engine finishes (the root store closes it).
 */
public final class SharedModynServer implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedModynServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ModynServer.class || type == DynamoDbClient.class || type == WireClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == ModynServer.class) return shared.server();
        if (type == DynamoDbClient.class) return shared.client();
        return shared.wire();
    }

    private record Shared(ModynServer server, DynamoDbClient client, WireClient wire) implements AutoCloseable {

        static Shared start() {
            ModynServer server = ModynServer.start("shared");
            return new Shared(server, DynamoDbClients.create(server), new WireClient(server));
        }

        @Override
        public void close() {
            try {
                client.close();
            } finally {
                server.close();
            }
        }
    }
}
