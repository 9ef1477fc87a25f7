package io.modyn.protocol.http;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.backup.DynamoDbBackupService;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.export.DynamoDbExportService;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.protocol.auth.OpenAccessPolicy;
import io.modyn.protocol.auth.RequestAuthentication;
import io.modyn.protocol.extension.ProtocolHandlers;
import io.modyn.protocol.json.JsonCodec;
import io.modyn.protocol.operation.Router;
import io.modyn.protocol.tls.ServerTls;
import io.modyn.protocol.tls.TlsConfigurationException;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.xnio.Options;
import org.xnio.Sequence;
import org.xnio.SslClientAuthMode;

/**
 * The DynamoDB endpoint: an embedded Undertow server speaking the JSON 1.0 wire format over
 * HTTP/1.1, or over HTTPS only (TLS 1.2 and 1.3, HTTP/2 where the client offers it) when the
 * settings name a certificate.
 *
 * <p>The services it calls are given as suppliers and looked up again for every request, so they
 * can be replaced or go away while the server runs: without a {@link DynamoDbService} DynamoDB
 * requests are answered with a retryable 503, and so are DynamoDB Streams requests without a
 * {@link DynamoDbStreamsService}; without an {@link Authenticator} the server accepts any
 * well-formed signature. Other AWS APIs are served by whichever {@link ProtocolHandlers} are bound
 * when a request comes. This class knows nothing of OSGi; {@code HttpServerComponent} wires it.
 */
public final class HttpServer {

    private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());

    /**
     * An idle keep-alive connection is closed after this long. Longer than clients keep idle
     * connections in their pools (the AWS SDKs about a minute): a server that closes first races
     * with a client reusing the connection, and the client's request is lost (the JDK's HttpClient
     * then waits for its timeout).
     */
    static final int IDLE_CONNECTION_MILLIS = 10 * 60_000;

    /** The most a request line and its headers may take together: ample for SigV4 and session tokens. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /** How often the TLS files are checked for a renewed certificate. */
    static final Duration TLS_RELOAD_CHECK = Duration.ofSeconds(2);

    /** How long {@link #stop} lets requests in flight finish before closing their connections. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final Undertow undertow;
    private final ServerTls tls;
    private final GracefulShutdownHandler graceful;

    public HttpServer(HttpServerSettings settings, Supplier<DynamoDbService> service, Supplier<DynamoDbStreamsService> streamsService,
                      Supplier<Authenticator> authenticator) {
        this(settings, service, streamsService, authenticator, new ProtocolHandlers());
    }

    /** A server that also passes calls to other AWS APIs to the handlers bound in {@code handlers} at the time. */
    public HttpServer(HttpServerSettings settings, Supplier<DynamoDbService> service, Supplier<DynamoDbStreamsService> streamsService,
                      Supplier<Authenticator> authenticator, ProtocolHandlers handlers) {
        this(settings, service, streamsService, () -> null, () -> null, authenticator, handlers);
    }

    /**
     * A server that also answers the backup operations through {@code backupService} and the export
     * and import operations through {@code exportService}, each while one is bound.
     */
    public HttpServer(HttpServerSettings settings, Supplier<DynamoDbService> service, Supplier<DynamoDbStreamsService> streamsService,
                      Supplier<DynamoDbBackupService> backupService, Supplier<DynamoDbExportService> exportService,
                      Supplier<Authenticator> authenticator, ProtocolHandlers handlers) {
        JsonCodec codec = new JsonCodec();
        ResponseSender sender = new ResponseSender();
        RequestLimits limits = settings.limits();
        RequestAuthentication authentication = new RequestAuthentication(authenticator, settings.authenticationRequired());
        ApiRequestHandler api = new ApiRequestHandler(codec, sender, authentication,
                new Router(service, streamsService, backupService, exportService),
                limits.maxRequestBytes(), new ExtensionCalls(handlers, authentication, sender, limits.maxRequestBytes()));
        ApiCallIntake intake = new ApiCallIntake(new OpenAccessPolicy(settings.openAccess()), authentication, limits, api, sender);
        // Healthy only while requests can be served: storage bound, and the authenticator if one is required.
        Readiness readiness = new Readiness(() -> {
            DynamoDbService current = service.get();
            return current != null && current.ready();
        }, () -> authenticator.get() != null, settings.authenticationRequired());
        RootHandler root = new RootHandler(intake, sender, new FirstRequestLog(), settings.browsers(), readiness, settings.region());
        this.graceful = Handlers.gracefulShutdown(root);
        if (settings.browsers().anyOrigin()) {
            LOG.warning("CORS allows every origin (*): any web page a browser opens can call this server; "
                    + "do so only where every request must be signed by credentials the page cannot have");
        }
        this.tls = settings.tls() == null ? null : startTls(settings);
        Undertow.Builder builder = Undertow.builder();
        if (tls == null) {
            builder.addHttpListener(settings.port(), settings.bind());
        } else {
            builder.addHttpsListener(settings.port(), settings.bind(), tls.context())
                    .setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of("TLSv1.3", "TLSv1.2"))
                    .setServerOption(UndertowOptions.ENABLE_HTTP2, true);
            if (settings.tls().requiresClientCertificates()) {
                builder.setSocketOption(Options.SSL_CLIENT_AUTH_MODE, SslClientAuthMode.REQUIRED);
            }
        }
        this.undertow = builder
                .setIoThreads(settings.effectiveIoThreads())
                .setWorkerThreads(settings.effectiveWorkerThreads())
                // No limit of Undertow's own (its default cuts bodies at 2 MB with a bare 400):
                // RequestBodyReceiver applies ours, to chunked bodies too, and answers DynamoDB's error.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 0L)
                // A request line and headers past this are refused with a bare 400 and the
                // connection closed, before any handler runs, as DynamoDB's front end refuses a
                // 17 KB URL (Undertow's own default, 1 MB, served such requests with 200).
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                // Slow clients: a request's headers must arrive within this, and an idle keep-alive
                // connection is closed after IDLE_TIMEOUT; bodies are timed by RequestBodyReceiver.
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) limits.bodyIdleTimeout().toMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_CONNECTION_MILLIS)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, IDLE_CONNECTION_MILLIS)
                .setHandler(graceful)
                .build();
    }

    private static ServerTls startTls(HttpServerSettings settings) {
        try {
            return ServerTls.start(settings.tls(), TLS_RELOAD_CHECK);
        } catch (TlsConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the TLS files cannot be read: " + e.getMessage(), e);
        }
    }

    /** Binds the listener; throws if the address is taken. */
    public void start() {
        try {
            undertow.start();
        } catch (RuntimeException e) {
            if (tls != null) tls.close();
            throw e;
        }
        LOG.info("Modyn listening on " + (tls == null ? "http" : "https") + "://" + hostAndPort(address()));
    }

    /**
     * Stops gracefully: requests arriving from now on get a retryable 503, those in flight get up to
     * {@link #SHUTDOWN_GRACE} to finish, then the listener and every connection are closed.
     */
    public void stop() {
        graceful.shutdown();
        try {
            if (!graceful.awaitShutdown(SHUTDOWN_GRACE.toMillis())) {
                LOG.warning("Requests still in flight after " + SHUTDOWN_GRACE.toSeconds() + " s are cut off by the shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        if (tls != null) tls.close();
    }

    /** The address actually bound (with the real port when the settings asked for port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    }

    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
