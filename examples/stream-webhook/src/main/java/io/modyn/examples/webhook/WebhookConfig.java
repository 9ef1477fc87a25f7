package io.modyn.examples.webhook;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code io.modyn.examples.webhook}, e.g. from {@code conf/io.modyn.examples.webhook.cfg}. */
@ObjectClassDefinition(name = "Modyn stream webhook", description = "Posts each change of the chosen tables to a URL")
@interface WebhookConfig {

    @AttributeDefinition(name = "Webhook URL", description = "http or https URL that receives one POST per change")
    String url();

    @AttributeDefinition(name = "Tables", description = "Tables to forward (their stream must be enabled); empty = every table with a stream",
            required = false)
    String[] modyn_table() default {};

    @AttributeDefinition(name = "Attempts", description = "Deliveries tried per change before it goes to the dead-letter file", min = "1")
    int maxAttempts() default 5;

    @AttributeDefinition(name = "First retry delay (ms)", description = "Doubles after each failed attempt", min = "0")
    long firstRetryMillis() default 200;

    @AttributeDefinition(name = "Timeout (ms)", description = "Connect and response timeout of one attempt", min = "1")
    long timeoutMillis() default 5000;

    @AttributeDefinition(name = "Dead-letter file", description = "JSON lines of the changes that could not be delivered")
    String deadLetterFile();
}
