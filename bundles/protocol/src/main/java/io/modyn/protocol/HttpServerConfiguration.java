package io.modyn.protocol;

import io.modyn.protocol.http.HttpServerSettings;
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
    long maxRequestBytes() default HttpServerSettings.DYNAMODB_MAX_REQUEST_BYTES;

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
}
