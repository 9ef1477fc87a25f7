package io.modyn.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Whether the server can serve API requests, and why not: storage (a bound engine whose backend is
 * ready) and, when {@code --auth iam} requires it, the authenticator. {@code GET /} answers with
 * DynamoDB's health line from it, {@code GET /health/ready} with the checks one by one, for
 * orchestrators and load balancers that want to know which part is missing.
 */
final class Readiness {

    private final BooleanSupplier storage;
    private final BooleanSupplier authenticator;
    private final boolean authenticationRequired;

    Readiness(BooleanSupplier storage, BooleanSupplier authenticator, boolean authenticationRequired) {
        this.storage = storage;
        this.authenticator = authenticator;
        this.authenticationRequired = authenticationRequired;
    }

    boolean ready() {
        return storage.getAsBoolean() && (!authenticationRequired || authenticator.getAsBoolean());
    }

    /** {@code {"status":"ready"|"unavailable","checks":{"storage":"up"|"down","authentication":"up"|"down"|"off"}}} */
    byte[] report() {
        boolean storageUp = storage.getAsBoolean();
        String authentication = !authenticationRequired ? "off" : authenticator.getAsBoolean() ? "up" : "down";
        boolean ready = storageUp && !authentication.equals("down");
        return ("{\"status\":\"" + (ready ? "ready" : "unavailable") + "\",\"checks\":{\"storage\":\"" + (storageUp ? "up" : "down")
                + "\",\"authentication\":\"" + authentication + "\"}}\n").getBytes(StandardCharsets.UTF_8);
    }
}
