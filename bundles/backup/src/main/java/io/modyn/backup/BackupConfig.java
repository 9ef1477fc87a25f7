package io.modyn.backup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The identity backups are named under. The component reads the engine's configuration
 * ({@code io.modyn.engine}) for it, so backup ARNs name the same region and account as table ARNs.
 */
@ObjectClassDefinition(name = "Modyn backups", description = "On-demand backups of tables")
public @interface BackupConfig {

    @AttributeDefinition(description = "The AWS region in backup ARNs; the engine's")
    String region() default "us-east-1";

    @AttributeDefinition(description = "The twelve-digit account id in backup ARNs; the engine's")
    String accountId() default "000000000000";
}
