package io.modyn.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * Answers {@code GET /metrics} with the registry's figures in the Prometheus text format, or in
 * OpenMetrics when the scraper's {@code Accept} asks for it (Prometheus does), gzipped when it
 * accepts gzip; once the request has passed the {@link BrowserRequestGuard} and, when signatures
 * are required, {@link ScrapeAccess}. No CORS header is ever sent.
 */
final class MetricsHttpHandler implements HttpHandler {

    static final String PATH = "/metrics";

    private static final Logger LOG = Logger.getLogger(MetricsHttpHandler.class.getName());
    private static final int OK = 200;

    private final PrometheusRegistry registry;
    private final BrowserRequestGuard guard;
    private final ScrapeAccess access;
    private final ExpositionFormatWriter openMetrics = OpenMetricsTextFormatWriter.builder().build();
    private final ExpositionFormatWriter prometheusText = PrometheusTextFormatWriter.builder().build();

    MetricsHttpHandler(PrometheusRegistry registry, BrowserRequestGuard guard, ScrapeAccess access) {
        this.registry = registry;
        this.guard = guard;
        this.access = access;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                guard.check(exchange.getRequestHeaders(), exchange.getLocalAddress().getPort());
                if (!exchange.getRequestURI().getPath().equals(PATH)) {
                    throw new ScrapeRefusal(ScrapeRefusal.NOT_FOUND, "Metrics are served at " + PATH);
                }
                String method = exchange.getRequestMethod();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    throw new ScrapeRefusal(ScrapeRefusal.METHOD_NOT_ALLOWED, "Metrics are read with GET");
                }
                access.check(exchange);
            } catch (ScrapeRefusal e) {
                refuse(exchange, e);
                return;
            }
            scrape(exchange);
        }
    }

    private void scrape(HttpExchange exchange) throws IOException {
        ExpositionFormatWriter writer = openMetrics.accepts(exchange.getRequestHeaders().getFirst("Accept")) ? openMetrics : prometheusText;
        ByteArrayOutputStream body = new ByteArrayOutputStream(16384);
        boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        try (OutputStream out = gzip ? new GZIPOutputStream(body) : body) {
            writer.write(out, registry.scrape());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Collecting metrics failed", e);
            refuse(exchange, new ScrapeRefusal(500, "Collecting metrics failed; see the server log"));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
        if (gzip) exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        headers(exchange);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(OK, head ? -1 : body.size());
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** Refusals of a web page or a wrong host are worth an operator's attention. */
    private static void refuse(HttpExchange exchange, ScrapeRefusal refusal) throws IOException {
        if (refusal.status() == ScrapeRefusal.FORBIDDEN) {
            LOG.warning(() -> "Refused metrics request " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + " from " + exchange.getRemoteAddress() + ": " + refusal.getMessage());
        }
        byte[] bytes = ("error: " + refusal.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (refusal.status() == ScrapeRefusal.SERVICE_UNAVAILABLE) exchange.getResponseHeaders().set("Retry-After", "1");
        headers(exchange);
        exchange.sendResponseHeaders(refusal.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void headers(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    }
}
