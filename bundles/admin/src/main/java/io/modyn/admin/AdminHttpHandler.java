package io.modyn.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;

/**
 * Carries out {@link AdminRequest}s against {@link BundleAdmin} and writes the answer. A command
 * that would take the endpoint down (stopping, updating or uninstalling the admin bundle or the
 * framework) is answered first, with 202, and carried out afterwards on its own thread: done
 * inline, it would wait for the very server that is serving it.
 */
final class AdminHttpHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(AdminHttpHandler.class.getName());
    private static final int OK = 200;
    private static final int ACCEPTED = 202;

    private final BundleAdmin admin;

    AdminHttpHandler(BundleAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        try (exchange) {
            AdminRequest request;
            try {
                request = AdminRequest.parse(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), accept);
            } catch (AdminException e) {
                sendError(exchange, AdminRequest.wantsJson(AdminRequest.queryParameters(uri.getRawQuery()), accept), e);
                return;
            }
            try {
                execute(exchange, request);
            } catch (AdminException e) {
                sendError(exchange, request.json(), e);
            }
        }
    }

    private void execute(HttpExchange exchange, AdminRequest request) throws AdminException, IOException {
        switch (request.action()) {
            case LIST -> {
                List<BundleInfo> bundles = admin.list();
                send(exchange, OK, request.json(),
                        request.json() ? BundleInfoFormat.json(bundles) : BundleInfoFormat.text(bundles));
            }
            case INSTALL -> sendBundle(exchange, OK, request, admin.install(request.location(), request.start()));
            default -> executeOnBundle(exchange, request, admin.find(request.target()));
        }
    }

    private void executeOnBundle(HttpExchange exchange, AdminRequest request, Bundle bundle)
            throws AdminException, IOException {
        boolean disruptive = switch (request.action()) {
            case STOP, UPDATE, UNINSTALL -> admin.hostsEndpoint(bundle);
            default -> false;
        };
        if (disruptive) {
            sendBundle(exchange, ACCEPTED, request, BundleInfo.of(bundle));
            exchange.close(); // before the deferred command can stop the server under it
            Thread deferred = new Thread(() -> executeDeferred(request, bundle), "modyn-admin-deferred");
            deferred.start();
            return;
        }
        sendBundle(exchange, OK, request, apply(request, bundle));
    }

    private BundleInfo apply(AdminRequest request, Bundle bundle) throws AdminException {
        return switch (request.action()) {
            case SHOW -> BundleInfo.of(bundle);
            case START -> admin.start(bundle);
            case STOP -> admin.stop(bundle);
            case UPDATE -> admin.update(bundle, request.location());
            case UNINSTALL -> admin.uninstall(bundle);
            case LIST, INSTALL -> throw new IllegalArgumentException("Not a bundle action: " + request.action());
        };
    }

    private void executeDeferred(AdminRequest request, Bundle bundle) {
        try {
            apply(request, bundle);
        } catch (AdminException | RuntimeException e) {
            LOG.log(Level.WARNING, "Admin command " + request.action() + " on bundle " + bundle.getBundleId()
                    + " failed", e);
        }
    }

    private static void sendBundle(HttpExchange exchange, int status, AdminRequest request, BundleInfo bundle)
            throws IOException {
        send(exchange, status, request.json(),
                request.json() ? BundleInfoFormat.json(bundle) : BundleInfoFormat.text(List.of(bundle)));
    }

    private static void sendError(HttpExchange exchange, boolean json, AdminException error) throws IOException {
        send(exchange, error.status(), json,
                json ? BundleInfoFormat.jsonError(error.getMessage()) : "error: " + error.getMessage() + "\n");
    }

    private static void send(HttpExchange exchange, int status, boolean json, String body) throws IOException {
        byte[] bytes = (json ? body + "\n" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
