package io.modyn.admin;

import java.util.Map;

/**
 * Time limits of the JDK's HTTP server, so a client that sends half a request and stalls cannot
 * hold a worker thread: after {@value #MAX_REQUEST_SECONDS} s without a complete request the server
 * closes the connection, and idle keep-alive connections are closed after
 * {@value #IDLE_SECONDS} s.
 *
 * <p>The JDK server takes these from system properties ({@code sun.net.httpserver.*}, in seconds),
 * read once, when the first server of the JVM is created. The admin endpoint sets them just before
 * creating its server (the metrics bundle's endpoint sets the same values, whichever starts first);
 * a value the operator already gave (JAVA_OPTS) is kept. There is deliberately no limit on the response time: it would also cut off
 * a slow but legitimate command (a refresh may take a minute), and answers are small enough to be
 * written at once whether or not the client reads them.
 */
final class HttpServerTimeouts {

    static final long MAX_REQUEST_SECONDS = 10;
    static final long IDLE_SECONDS = 30;

    private static final Map<String, Long> LIMITS = Map.of(
            "sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS,
            "sun.net.httpserver.idleInterval", IDLE_SECONDS);

    private HttpServerTimeouts() {
    }

    static void apply() {
        LIMITS.forEach((property, seconds) -> {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Long.toString(seconds));
            }
        });
    }
}
