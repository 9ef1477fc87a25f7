package io.modyn.protocol;

import io.modyn.protocol.http.RequestLimits;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the DynamoDB endpoint (PID {@code io.modyn.protocol}). */
@ObjectClassDefinition(
        id = HttpServerComponent.PID,
        name = "Modyn DynamoDB endpoint",
        description = "The HTTP server that speaks DynamoDB's JSON 1.0 wire protocol")
public @interface HttpServerConfiguration {

    @AttributeDefinition(name = "Port", description = "TCP port to listen on", min = "0", max = "65535")
    int port() default 8000;

    @AttributeDefinition(name = "Bind address",
            description = "Address to listen on; without an authentication bundle keep it on loopback")
    String bind() default "127.0.0.1";

    @AttributeDefinition(name = "Maximum request size",
            description = "Largest request body in bytes, compressed or not (DynamoDB's limit is 16 MB)", min = "1")
    long maxRequestBytes() default RequestLimits.DYNAMODB_MAX_REQUEST_BYTES;

    @AttributeDefinition(name = "I/O threads", description = "Non-blocking I/O threads; 0 = one per core, at least 2", min = "0")
    int ioThreads() default 0;

    @AttributeDefinition(name = "Worker threads",
            description = "Threads that run operations; 0 = eight per I/O thread", min = "0")
    int workerThreads() default 0;

    @AttributeDefinition(name = "Region", description = "Region named in the health line GET / answers")
    String region() default "us-east-1";

    @AttributeDefinition(name = "Open access",
            description = "Without an authentication bundle the server accepts any well-formed signature and so serves only "
                    + "loopback clients; true serves clients on other hosts too")
    boolean openAccess() default false;

    @AttributeDefinition(name = "Authentication required",
            description = "true when an authentication bundle is to check every request (bin/modyn --auth iam): until its "
                    + "authenticator is bound, API requests are answered with a retryable 503 and never served without it")
    boolean authenticationRequired() default false;

    @AttributeDefinition(name = "Requests per client",
            description = "Requests one client address may have in flight at once; more are refused with a retryable "
                    + "ThrottlingException", min = "1")
    int maxRequestsPerClient() default 64;

    @AttributeDefinition(name = "Memory for request bodies",
            description = "Bytes of request bodies all requests in flight may hold together; more are refused with a "
                    + "retryable 503. 0 = a quarter of the maximum heap", min = "0")
    long requestMemoryBytes() default 0;

    @AttributeDefinition(name = "Body idle timeout",
            description = "Seconds a request's headers or body may stall without a byte arriving before the connection is closed",
            min = "1")
    int bodyIdleTimeoutSeconds() default 20;

    @AttributeDefinition(name = "Body read timeout",
            description = "Seconds reading one request body may take in all before the connection is closed", min = "1")
    int bodyReadTimeoutSeconds() default 60;

    @AttributeDefinition(name = "CORS origins",
            description = "Web page origins (scheme://host[:port]), separated by commas, allowed to call the server from a "
                    + "browser besides pages on loopback hosts; * allows every origin (only sensible when every request "
                    + "must be signed)")
    String corsOrigins() default "";

    @AttributeDefinition(name = "Host names",
            description = "Host names, separated by commas, that clients reach the server by besides localhost and IP "
                    + "addresses; requests naming another host are refused (protection against DNS rebinding)")
    String hostnames() default "";

    @AttributeDefinition(name = "TLS certificate",
            description = "PEM file with the server's certificate and its chain; when set the endpoint serves HTTPS only "
                    + "(TLS 1.2 and 1.3, HTTP/2 where the client offers it). Read again whenever it changes")
    String tlsCertificateFile() default "";

    @AttributeDefinition(name = "TLS private key",
            description = "PEM file with the certificate's private key (PKCS#8, or RSA PKCS#1), readable by the server only")
    String tlsPrivateKeyFile() default "";

    @AttributeDefinition(name = "TLS client CAs",
            description = "PEM file with the CA certificates client certificates must chain to; when set every client must "
                    + "present one")
    String tlsClientCaFile() default "";
}
