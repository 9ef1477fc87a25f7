package io.modyn.backup;

import io.modyn.api.auth.Authorizer;
import io.modyn.api.backup.DynamoDbBackupService;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.tables.ChangeCapture;
import io.modyn.api.tables.TableArchives;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Registers the {@link BackupService}, and the change capture of point-in-time recovery, while a storage backend (for the backup catalog) and the
 * engine's {@link TableArchives} are present; both are static greedy references, so the service is
 * made again when either is replaced. The authorizer is optional and dynamic, as the engine's.
 * Configured from the engine's PID for the region and account in ARNs.
 */
@Component(configurationPid = "io.modyn.engine", configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
public final class BackupComponent {

    @Reference(policyOption = ReferencePolicyOption.GREEDY)
    private StorageEngine storage;

    @Reference(policyOption = ReferencePolicyOption.GREEDY)
    private TableArchives archives;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authorizer authorizer;

    private ServiceRegistration<DynamoDbBackupService> registration;
    private ServiceRegistration<ChangeCapture> captureRegistration;

    @Activate
    void activate(BackupConfig config, BundleContext context) {
        BackupService service = new BackupService(storage, archives, new BackupArns(config.region(), config.accountId()), () -> authorizer);
        captureRegistration = context.registerService(ChangeCapture.class, service.changeCapture(), null);
        registration = context.registerService(DynamoDbBackupService.class, service, null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        captureRegistration.unregister();
    }
}
