package io.modyn.protocol.http;

import io.undertow.server.HttpServerExchange;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Logs, once, how long after the JVM started the first request was answered: the startup figure
 * operators quote, measured where it ends rather than estimated.
 */
final class FirstRequestLog {

    private static final Logger LOG = Logger.getLogger(FirstRequestLog.class.getName());

    private final AtomicBoolean logged = new AtomicBoolean();

    /** Arranges for the log line when this exchange completes, until one has been logged. */
    void watch(HttpServerExchange exchange) {
        if (logged.get()) {
            return;
        }
        exchange.addExchangeCompleteListener((completed, next) -> {
            if (logged.compareAndSet(false, true)) {
                long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info("first request served " + sinceStart + " ms after JVM start");
            }
            next.proceed();
        });
    }
}
