package io.modyn.engine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Modyn engine", description = "DynamoDB semantics: the identity the server reports in ARNs")
public @interface EngineConfig {

    @AttributeDefinition(description = "The AWS region this server claims to be, used in ARNs and stream records")
    String region() default EngineSettings.DEFAULT_REGION;

    @AttributeDefinition(description = "The twelve-digit account id used in ARNs")
    String accountId() default EngineSettings.DEFAULT_ACCOUNT_ID;
}
