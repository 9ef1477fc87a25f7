package io.modyn.export;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of export and import (PID {@value ExportComponent#PID}). */
@ObjectClassDefinition(
        id = ExportComponent.PID,
        name = "Modyn export and import",
        description = "ExportTableToPointInTime and ImportTable: to and from an S3-compatible endpoint, "
                + "or without one a directory per bucket under the data directory (<data>/s3/<bucket>/<key>)")
public @interface ExportConfiguration {

    String DEFAULT_REGION = "us-east-1";
    String DEFAULT_ACCOUNT_ID = "000000000000";
    int DEFAULT_JOB_THREADS = 2;

    @AttributeDefinition(name = "Region", description = "The region in table ARNs (as the engine's)")
    String region() default DEFAULT_REGION;

    @AttributeDefinition(name = "Account id", description = "The account in ARNs when requests are not authenticated")
    String accountId() default DEFAULT_ACCOUNT_ID;

    @AttributeDefinition(name = "Data directory", description = "Holds s3/ (the local buckets), export scratch files and "
            + "logs/aws-dynamodb/imports (refused import lines); empty: the working directory")
    String dataDirectory() default "";

    @AttributeDefinition(name = "S3 endpoint", description = "An S3-compatible endpoint URL (http://127.0.0.1:9000); "
            + "empty: buckets are directories under <data>/s3")
    String s3Endpoint() default "";

    @AttributeDefinition(name = "S3 region", description = "The region requests to the S3 endpoint are signed for")
    String s3Region() default DEFAULT_REGION;

    @AttributeDefinition(name = "S3 path-style addressing", description = "http://endpoint/bucket/key rather than http://bucket.endpoint/key")
    boolean s3PathStyle() default true;

    @AttributeDefinition(name = "S3 access key id variable", description = "The environment variable holding the S3 access key id "
            + "(AWS_ACCESS_KEY_ID when it is empty); no key: anonymous requests")
    String s3AccessKeyIdVariable() default "MODYN_S3_ACCESS_KEY_ID";

    @AttributeDefinition(name = "S3 secret access key variable", description = "The environment variable holding the S3 secret "
            + "(AWS_SECRET_ACCESS_KEY when it is empty)")
    String s3SecretAccessKeyVariable() default "MODYN_S3_SECRET_ACCESS_KEY";

    @AttributeDefinition(name = "Job threads", description = "How many exports and imports run at once")
    int jobThreads() default DEFAULT_JOB_THREADS;
}
