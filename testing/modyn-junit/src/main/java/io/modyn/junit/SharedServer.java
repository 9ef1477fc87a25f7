package io.modyn.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server shared by the classes of a run ({@link ModynTest.Scope#SUITE}), kept in the root
 * context's store, which closes it when the run ends. Both close interfaces, for JUnit versions
 * before and after 5.13 (which closes AutoCloseable values and deprecates CloseableResource).
 */
@SuppressWarnings("deprecation")
final class SharedServer implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final ModynServer server;

    SharedServer(ModynServer server) {
        this.server = server;
    }

    ModynServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
