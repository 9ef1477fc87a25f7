package io.modyn.protocol.auth;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Who may use a server that has no authentication bundle. Such a server accepts any well-formed
 * signature, so by default it serves only clients on its own host (loopback); an operator who
 * wants it reachable from other hosts without authentication (a CI network, a container) says so
 * with {@code openAccess=true}.
 */
public record OpenAccessPolicy(boolean anyHost) {

    /** @throws DynamoException AccessDeniedException for a client on another host, unless open to any host */
    public void check(InetSocketAddress client) {
        InetAddress address = client == null ? null : client.getAddress();
        if (anyHost || (address != null && address.isLoopbackAddress())) return;
        throw new DynamoException(ErrorType.ACCESS_DENIED, "This Modyn server runs without authentication and serves only "
                + "loopback clients (127.0.0.1, ::1); install an authentication bundle, or set openAccess=true (PID io.modyn.protocol, "
                + "bin/modyn --open-access) to serve other hosts without it");
    }
}
