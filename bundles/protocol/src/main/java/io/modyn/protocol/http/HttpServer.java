package io.modyn.protocol.http;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.protocol.auth.OpenAccessPolicy;
import io.modyn.protocol.auth.RequestAuthentication;
import io.modyn.protocol.json.JsonCodec;
import io.modyn.protocol.operation.Router;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The DynamoDB endpoint: an embedded Undertow HTTP/1.1 server speaking the JSON 1.0 wire format.
 *
 * <p>The services it calls are given as suppliers and looked up again for every request, so they
 * can be replaced or go away while the server runs: without a {@link DynamoDbService} DynamoDB
 * requests are answered with a retryable 503, and so are DynamoDB Streams requests without a
 * {@link DynamoDbStreamsService}; without an {@link Authenticator} the server accepts any
 * well-formed signature. This class knows nothing of OSGi; {@code HttpServerComponent} wires it.
 */
public final class HttpServer {

    private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());

    private final Undertow undertow;

    public HttpServer(HttpServerSettings settings, Supplier<DynamoDbService> service, Supplier<DynamoDbStreamsService> streamsService,
                      Supplier<Authenticator> authenticator) {
        JsonCodec codec = new JsonCodec();
        ResponseSender sender = new ResponseSender(codec);
        ApiRequestHandler api = new ApiRequestHandler(codec, sender, new RequestAuthentication(authenticator),
                new OpenAccessPolicy(settings.openAccess()), new Router(service, streamsService), settings.maxRequestBytes());
        RootHandler root = new RootHandler(api, sender, new FirstRequestLog(), settings.region());
        this.undertow = Undertow.builder()
                .addHttpListener(settings.port(), settings.bind())
                .setIoThreads(settings.effectiveIoThreads())
                .setWorkerThreads(settings.effectiveWorkerThreads())
                .setHandler(root)
                .build();
    }

    /** Binds the listener; throws if the address is taken. */
    public void start() {
        undertow.start();
        LOG.info("Modyn listening on http://" + hostAndPort(address()));
    }

    public void stop() {
        undertow.stop();
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
