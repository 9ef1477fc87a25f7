package io.modyn.admin;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.modyn.api.auth.Principal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;

/**
 * Carries out {@link AdminRequest}s against {@link BundleAdmin} and writes the answer, once the
 * request has passed {@link BrowserRequestGuard} (nothing a web page can send) and carries the
 * {@link AdminToken} and, when requests are authenticated, a signature {@link AdminAccess} accepts from
 * a principal allowed the command; files to install or update from must pass {@link InstallLocationPolicy}.
 * No CORS header is ever sent.
 *
 * <p>Commands that change bundles run one at a time (a lock, waited for at most
 * {@code lockWait}, then 503), so two never race on the same bundle; listing and showing take no
 * lock and are answered while such a command runs. A command that would take the endpoint down
 * (stopping, updating or uninstalling the admin bundle or the framework) is answered first, with
 * 202, and carried out afterwards on its own thread: done inline, it would wait for the very server
 * that is serving it.
 */
final class AdminHttpHandler implements HttpHandler {

    static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(AdminHttpHandler.class.getName());
    private static final int OK = 200;
    private static final int ACCEPTED = 202;

    private final BundleAdmin admin;
    private final AdminToken token;
    private final InstallLocationPolicy locations;
    private final AdminAccess access;
    private final Duration lockWait;
    private final ReentrantLock bundleChanges = new ReentrantLock();

    AdminHttpHandler(BundleAdmin admin, AdminToken token, InstallLocationPolicy locations, Duration lockWait) {
        this(admin, token, locations, AdminAccess.tokenOnly(), lockWait);
    }

    AdminHttpHandler(BundleAdmin admin, AdminToken token, InstallLocationPolicy locations, AdminAccess access,
                     Duration lockWait) {
        this.admin = admin;
        this.token = token;
        this.locations = locations;
        this.access = access;
        this.lockWait = lockWait;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Headers headers = exchange.getRequestHeaders();
        String accept = headers.getFirst("Accept");
        try (exchange) {
            AdminRequest request;
            try {
                BrowserRequestGuard.check(headers, exchange.getLocalAddress().getPort());
                token.authorize(headers);
                Principal principal = access.authenticate(exchange);
                request = AdminRequest.parse(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), accept);
                AdminRequest parsed = request;
                access.authorize(principal, exchange, request, () -> bundleName(parsed.target()));
            } catch (AdminException e) {
                refused(exchange, e);
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
            case SHOW -> sendBundle(exchange, OK, request, BundleInfo.of(admin.find(request.target())));
            case INSTALL -> {
                Path file = locations.require(request.location());
                BundleInfo installed = whileHoldingLock(() -> admin.install(file, request.start()));
                sendBundle(exchange, OK, request, installed);
            }
            default -> executeOnBundle(exchange, request, admin.find(request.target()));
        }
    }

    /** How a bundle is named in its ARN: its symbolic name, else its id; as the request names it if none matches. */
    private String bundleName(BundleSelector selector) {
        try {
            Bundle bundle = admin.find(selector);
            return bundle.getSymbolicName() != null ? bundle.getSymbolicName() : Long.toString(bundle.getBundleId());
        } catch (AdminException e) {
            return selector.id() != null ? selector.id().toString() : selector.symbolicName();
        }
    }

    private void executeOnBundle(HttpExchange exchange, AdminRequest request, Bundle bundle)
            throws AdminException, IOException {
        Path file = request.location() == null ? null : locations.require(request.location());
        boolean disruptive = switch (request.action()) {
            case STOP, UPDATE, UNINSTALL -> admin.hostsEndpoint(bundle);
            default -> false;
        };
        if (disruptive) {
            sendBundle(exchange, ACCEPTED, request, BundleInfo.of(bundle));
            exchange.close(); // before the deferred command can stop the server under it
            Thread deferred = new Thread(() -> executeDeferred(request, bundle, file), "modyn-admin-deferred");
            deferred.start();
            return;
        }
        sendBundle(exchange, OK, request, whileHoldingLock(() -> apply(request, bundle, file)));
    }

    private BundleInfo apply(AdminRequest request, Bundle bundle, Path file) throws AdminException {
        return switch (request.action()) {
            case START -> admin.start(bundle);
            case STOP -> admin.stop(bundle);
            case UPDATE -> admin.update(bundle, file);
            case UNINSTALL -> admin.uninstall(bundle);
            case LIST, SHOW, INSTALL -> throw new IllegalArgumentException("Not a bundle change: " + request.action());
        };
    }

    /** Waits for the lock without limit: the answer is sent, and the command must still happen. */
    private void executeDeferred(AdminRequest request, Bundle bundle, Path file) {
        bundleChanges.lock();
        try {
            apply(request, bundle, file);
        } catch (AdminException | RuntimeException e) {
            LOG.log(Level.WARNING, "Admin command " + request.action() + " on bundle " + bundle.getBundleId()
                    + " failed", e);
        } finally {
            bundleChanges.unlock();
        }
    }

    private BundleInfo whileHoldingLock(BundleChange change) throws AdminException {
        try {
            if (!bundleChanges.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AdminException(AdminException.SERVICE_UNAVAILABLE,
                        "Another bundle command is still running; try again when it has finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException(AdminException.SERVICE_UNAVAILABLE, "The admin endpoint is stopping", e);
        }
        try {
            return change.run();
        } finally {
            bundleChanges.unlock();
        }
    }

    /** Refusals are worth an operator's attention (a web page or another user probing); the token is never logged. */
    private static void refused(HttpExchange exchange, AdminException e) {
        if (e.status() == AdminException.FORBIDDEN || e.status() == AdminException.UNAUTHORIZED
                || e.status() == AdminException.UNSUPPORTED_MEDIA_TYPE) {
            LOG.warning(() -> "Refused admin request " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + e.getMessage());
        }
    }

    private static void sendBundle(HttpExchange exchange, int status, AdminRequest request, BundleInfo bundle)
            throws IOException {
        send(exchange, status, request.json(),
                request.json() ? BundleInfoFormat.json(bundle) : BundleInfoFormat.text(List.of(bundle)));
    }

    private static void sendError(HttpExchange exchange, boolean json, AdminException error) throws IOException {
        if (error.status() == AdminException.UNAUTHORIZED) {
            exchange.getResponseHeaders().set("WWW-Authenticate", AdminToken.SCHEME + " realm=\"modyn-admin\"");
        }
        if (error.status() == AdminException.SERVICE_UNAVAILABLE) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        send(exchange, error.status(), json,
                json ? BundleInfoFormat.jsonError(error.getMessage()) : "error: " + error.getMessage() + "\n");
    }

    private static void send(HttpExchange exchange, int status, boolean json, String body) throws IOException {
        byte[] bytes = (json ? body + "\n" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @FunctionalInterface
    private interface BundleChange {
        BundleInfo run() throws AdminException;
    }
}
