package io.modyn.protocol;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.backup.DynamoDbBackupService;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.export.DynamoDbExportService;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.protocol.extension.ProtocolHandlers;
import io.modyn.protocol.http.BrowserAccess;
import io.modyn.protocol.http.HttpServer;
import io.modyn.protocol.http.HttpServerSettings;
import io.modyn.protocol.http.RequestLimits;
import io.modyn.protocol.tls.TlsFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the {@link HttpServer} inside OSGi.
 *
 * <p>The three services are optional, dynamic and greedy references: the server starts without them,
 * keeps running while they come, go or are replaced by a better-ranked provider (a bundle update
 * dropped into {@code deploy/}), and each request uses whichever is bound at that moment. A
 * configuration change restarts the server on the new address. {@link ProtocolHandler}s (other AWS
 * APIs on the same endpoint) are bound in any number, the same way.
 */
@Component(service = {}, immediate = true, configurationPid = HttpServerComponent.PID)
@Designate(ocd = HttpServerConfiguration.class)
public class HttpServerComponent {

    static final String PID = "io.modyn.protocol";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DynamoDbService dynamoDbService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DynamoDbStreamsService dynamoDbStreamsService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DynamoDbBackupService dynamoDbBackupService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    /** ExportTableToPointInTime, ImportTable and their Describe/List operations, while an export bundle provides them. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DynamoDbExportService dynamoDbExportService;

    private final ProtocolHandlers protocolHandlers = new ProtocolHandlers();

    private HttpServer server;

    /** Handlers of other AWS APIs (STS, IAM, KMS, third parties): any number, bound and unbound while the server runs. */
    @Reference(service = ProtocolHandler.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindProtocolHandler", updated = "updatedProtocolHandler")
    void bindProtocolHandler(ProtocolHandler handler, Map<String, Object> properties) {
        protocolHandlers.add(handler, properties);
    }

    void updatedProtocolHandler(ProtocolHandler handler, Map<String, Object> properties) {
        protocolHandlers.add(handler, properties);
    }

    void unbindProtocolHandler(ProtocolHandler handler) {
        protocolHandlers.remove(handler);
    }

    @Activate
    void activate(HttpServerConfiguration configuration) {
        long memory = configuration.requestMemoryBytes() > 0 ? configuration.requestMemoryBytes()
                : RequestLimits.defaultRequestMemoryBytes(configuration.maxRequestBytes());
        RequestLimits limits = new RequestLimits(configuration.maxRequestBytes(), configuration.maxRequestsPerClient(), memory,
                Duration.ofSeconds(configuration.bodyIdleTimeoutSeconds()), Duration.ofSeconds(configuration.bodyReadTimeoutSeconds()));
        HttpServerSettings settings = new HttpServerSettings(configuration.bind(), configuration.port(),
                configuration.ioThreads(), configuration.workerThreads(), configuration.region(), configuration.openAccess(),
                configuration.authenticationRequired(), limits, BrowserAccess.parse(configuration.corsOrigins(), configuration.hostnames()),
                tlsFiles(configuration));
        server = new HttpServer(settings, () -> dynamoDbService, () -> dynamoDbStreamsService, () -> dynamoDbBackupService,
                () -> dynamoDbExportService,
                () -> authenticator, protocolHandlers);
        server.start();
    }

    /** The TLS files, or null for plain HTTP; a key without a certificate (or the reverse) is a mistake, not plain HTTP. */
    static TlsFiles tlsFiles(HttpServerConfiguration configuration) {
        String certificate = configuration.tlsCertificateFile().trim();
        String key = configuration.tlsPrivateKeyFile().trim();
        String clientCa = configuration.tlsClientCaFile().trim();
        if (certificate.isEmpty() && key.isEmpty()) {
            if (!clientCa.isEmpty()) throw new IllegalArgumentException("tlsClientCaFile needs tlsCertificateFile and tlsPrivateKeyFile");
            return null;
        }
        if (certificate.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("TLS needs both tlsCertificateFile and tlsPrivateKeyFile");
        }
        return new TlsFiles(Path.of(certificate), Path.of(key), clientCa.isEmpty() ? null : Path.of(clientCa));
    }

    @Deactivate
    void deactivate() {
        server.stop();
    }
}
