package io.modyn.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the metrics endpoint (PID {@value MetricsComponent#PID}). */
@ObjectClassDefinition(
        id = MetricsComponent.PID,
        name = "Modyn metrics endpoint",
        description = "Prometheus metrics on an HTTP port of their own: DynamoDB's CloudWatch figures per table and operation,"
                + " the storage backend's, the JVM's and the OSGi bundles' states. Off until a port is given. It refuses"
                + " requests a web browser could send, and with signatureRequired every scrape must carry a Signature Version 4.")
public @interface MetricsConfiguration {

    /** No endpoint, and no metrics recorded. */
    int OFF = -1;
    String DEFAULT_BIND = "127.0.0.1";

    @AttributeDefinition(name = "Port",
            description = "TCP port of GET /metrics; -1 (the default): no endpoint, nothing is measured; 0: any free port.",
            min = "-1", max = "65535")
    int port() default OFF;

    @AttributeDefinition(name = "Bind address",
            description = "Address to listen on: loopback by default; another address lets a Prometheus server on another host scrape.")
    String bind() default DEFAULT_BIND;

    @AttributeDefinition(name = "Host names",
            description = "Host names scrapers reach the endpoint by, besides localhost and IP addresses (comma-separated):"
                    + " a request naming another host in its Host header is refused, which keeps DNS-rebinding web pages out.")
    String hostNames() default "";

    @AttributeDefinition(name = "Signature required",
            description = "true: every scrape must carry a Signature Version 4 (service 'modyn') by the account root or by a"
                    + " principal the authorizer allows modyn:GetMetrics (needs the auth-iam bundle; answered 503 until its"
                    + " authenticator is bound).")
    boolean signatureRequired() default false;

    @AttributeDefinition(name = "JVM metrics",
            description = "Also expose the JVM's figures: memory, garbage collection, threads, classes, process CPU and files.")
    boolean jvmMetrics() default true;
}
