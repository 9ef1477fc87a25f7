package io.modyn.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The admin endpoint changes what code runs in the server, so it may only listen where nothing but
 * the local machine can reach it. Its token and {@link BrowserRequestGuard} then keep out other
 * local users and web pages, which loopback alone does not.
 */
final class LoopbackAddress {

    private LoopbackAddress() {
    }

    /** Resolves {@code host}; fails unless it is a loopback address. */
    static InetAddress require(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Admin bind address does not resolve: " + host, e);
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("Admin bind address must be a loopback address, not "
                    + host + " (" + address.getHostAddress() + ")");
        }
        return address;
    }
}
