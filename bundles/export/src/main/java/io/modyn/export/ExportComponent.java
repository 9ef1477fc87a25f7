package io.modyn.export;

import io.modyn.api.auth.Authorizer;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.export.DynamoDbExportService;
import io.modyn.api.storage.StorageEngine;
import io.modyn.export.job.JobRunner;
import io.modyn.export.job.JobStore;
import io.modyn.export.store.LocalDirectoryStore;
import io.modyn.export.store.ObjectStore;
import io.modyn.export.store.S3ObjectStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;
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
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers the {@link DynamoDbExportService} once the engine's {@link DynamoDbService} and a
 * {@link StorageEngine} (for the job keyspace) are bound, and runs again the jobs a stop
 * interrupted. Both are static references: a change of either stops the running jobs (they stay
 * IN_PROGRESS) and starts them again on the new binding. The {@link Authorizer} is optional and
 * dynamic: with auth-iam the caller's permission is checked, without it nothing is. The component
 * waits for its configuration (conf/io.modyn.export.cfg): run on defaults first, a resumed job
 * would write to the wrong place.
 */
@Component(service = {}, immediate = true, configurationPid = ExportComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ExportConfiguration.class)
public final class ExportComponent {

    static final String PID = "io.modyn.export";

    private static final Logger LOG = Logger.getLogger(ExportComponent.class.getName());

    @Reference
    private DynamoDbService dynamoDb;

    @Reference
    private StorageEngine storage;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authorizer authorizer;

    private JobRunner runner;
    private ObjectStore objects;
    private ServiceRegistration<DynamoDbExportService> registration;

    @Activate
    void activate(BundleContext context, ExportConfiguration configuration) {
        Path data = Path.of(configuration.dataDirectory().isBlank() ? "." : configuration.dataDirectory().trim()).toAbsolutePath();
        objects = objectStore(configuration, data, System.getenv());
        Clock clock = Clock.systemUTC();
        JobStore jobs = new JobStore(storage);
        DynamoDbService engine = dynamoDb;
        runner = JobRunner.create(jobs, () -> engine, objects, data.resolve("export-scratch"),
                data.resolve("logs").resolve("aws-dynamodb").resolve("imports"), clock, Math.max(1, configuration.jobThreads()));
        CallerAccess access = new CallerAccess(() -> authorizer);
        ExportImportService service = new ExportImportService(new ExportOperations(() -> engine, jobs, runner, access, clock),
                new ImportOperations(() -> engine, jobs, runner, access, clock, configuration.region().trim(), configuration.accountId().trim()));
        runner.resumeAll();
        registration = context.registerService(DynamoDbExportService.class, service, null);
        LOG.info(() -> "Export and import to " + objects.describe());
    }

    static ObjectStore objectStore(ExportConfiguration configuration, Path data, Map<String, String> environment) {
        String endpoint = configuration.s3Endpoint().trim();
        if (endpoint.isEmpty()) return new LocalDirectoryStore(data.resolve("s3"));
        String keyId = variable(environment, configuration.s3AccessKeyIdVariable(), "AWS_ACCESS_KEY_ID");
        String secret = variable(environment, configuration.s3SecretAccessKeyVariable(), "AWS_SECRET_ACCESS_KEY");
        String token = variable(environment, "MODYN_S3_SESSION_TOKEN", "AWS_SESSION_TOKEN");
        return new S3ObjectStore(URI.create(endpoint), configuration.s3Region().trim(), configuration.s3PathStyle(), keyId, secret, token);
    }

    private static String variable(Map<String, String> environment, String name, String fallback) {
        String value = name == null || name.isBlank() ? null : environment.get(name.trim());
        return value == null || value.isEmpty() ? environment.get(fallback) : value;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (runner != null) runner.close();
        if (objects instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine(() -> "Closing the S3 client: " + e);
            }
        }
    }
}
