package io.modyn.junit;

/**
 * What one test class uses: its server (its own, or a shared one it must not stop) and the SDK
 * client made for it on request. Closed after the class.
 */
final class ClassResources implements AutoCloseable {

    private final ModynServer server;
    private final boolean ownsServer;
    /** A DynamoDbClient, typed Object so that this class loads without the SDK. */
    private AutoCloseable client;

    ClassResources(ModynServer server, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
    }

    ModynServer server() {
        return server;
    }

    synchronized Object dynamoDbClient() {
        if (client == null) client = DynamoDbClients.create(server);
        return client;
    }

    @Override
    public synchronized void close() {
        try {
            if (client != null) client.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot close the DynamoDbClient of " + server, e);
        } finally {
            client = null;
            if (ownsServer) server.close();
        }
    }
}
