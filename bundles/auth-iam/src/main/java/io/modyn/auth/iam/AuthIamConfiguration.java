package io.modyn.auth.iam;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of authentication (PID {@value AuthIamComponent#PID}); secrets never pass through it. */
@ObjectClassDefinition(
        id = AuthIamComponent.PID,
        name = "Modyn authentication (IAM)",
        description = "Checks the Signature Version 4 of every request against the account's credentials. "
                + "Active only with mode=iam (bin/modyn --auth iam); with mode=none the server stays open to loopback clients.")
public @interface AuthIamConfiguration {

    String DEFAULT_MODE = "none";
    String DEFAULT_REGION = "us-east-1";
    String DEFAULT_ACCOUNT_ID = "000000000000";
    String DEFAULT_ACCESS_KEY_ID_VARIABLE = "MODYN_ROOT_ACCESS_KEY_ID";
    String DEFAULT_SECRET_VARIABLE = "MODYN_ROOT_SECRET_ACCESS_KEY";
    String DEFAULT_SECRET_KEY_FILE_VARIABLE = "MODYN_IAM_SECRET_KEY_FILE";
    long DEFAULT_IDENTITY_CACHE_MILLIS = 500;

    @AttributeDefinition(name = "Mode", description = "iam: every API request must be signed with the account's credentials; "
            + "none: no authentication (only loopback clients are served)")
    String mode() default DEFAULT_MODE;

    @AttributeDefinition(name = "Region", description = "The region this server is; signatures must be scoped to it")
    String region() default DEFAULT_REGION;

    @AttributeDefinition(name = "Account id", description = "The twelve-digit account, in the root's ARN arn:aws:iam::<account>:root")
    String accountId() default DEFAULT_ACCOUNT_ID;

    @AttributeDefinition(name = "Data directory", description = "Where root-credentials is written when the environment "
            + "gives no root keys; empty: the working directory")
    String dataDirectory() default "";

    @AttributeDefinition(name = "Root access key id variable", description = "The environment variable holding the root access key id")
    String rootAccessKeyIdVariable() default DEFAULT_ACCESS_KEY_ID_VARIABLE;

    @AttributeDefinition(name = "Root secret access key variable", description = "The environment variable holding the root secret access key")
    String rootSecretAccessKeyVariable() default DEFAULT_SECRET_VARIABLE;

    @AttributeDefinition(name = "IAM secret key file variable", description = "The environment variable naming the file of the "
            + "32-byte key that seals IAM users' secret access keys in storage; unset: <dataDirectory>/iam-secret.key, "
            + "created on first start. Every node sharing one database needs the same key.")
    String secretKeyFileVariable() default DEFAULT_SECRET_KEY_FILE_VARIABLE;

    @AttributeDefinition(name = "Identity cache (ms)", description = "How long a node uses an IAM user's access key as read "
            + "from storage before reading it again (0 to 1000): a change made on any node applies on all within this time")
    long identityCacheMillis() default DEFAULT_IDENTITY_CACHE_MILLIS;
}
