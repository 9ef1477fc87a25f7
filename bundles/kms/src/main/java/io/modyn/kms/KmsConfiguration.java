package io.modyn.kms;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of key management (PID {@value KmsComponent#PID}); the root key itself never passes through it. */
@ObjectClassDefinition(
        id = KmsComponent.PID,
        name = "Modyn key management (KMS)",
        description = "Customer master keys and the AWS KMS API on the server's endpoint, keys wrapped by a root key kept outside storage")
public @interface KmsConfiguration {

    String DEFAULT_REGION = "us-east-1";
    String DEFAULT_ACCOUNT_ID = "000000000000";

    @AttributeDefinition(name = "Region", description = "The region in key ARNs")
    String region() default DEFAULT_REGION;

    @AttributeDefinition(name = "Account id", description = "The twelve-digit account in key ARNs")
    String accountId() default DEFAULT_ACCOUNT_ID;

    @AttributeDefinition(name = "Data directory", description = "Without a root key file, the root key is generated into "
            + "secrets/kms-root.key beside (never inside) this directory")
    String dataDirectory() default "";

    @AttributeDefinition(name = "Root key file", description = "The file holding the root key (32 bytes, Base64); "
            + "empty: the environment variable MODYN_KMS_ROOT_KEY if set, else secrets/kms-root.key beside the data directory, "
            + "generated at the first start")
    String rootKeyFile() default "";

    @AttributeDefinition(name = "Sweep interval (seconds)", description = "How often keys past their deletion date are deleted "
            + "and keys due for automatic rotation are rotated")
    long sweepIntervalSeconds() default 60;
}
