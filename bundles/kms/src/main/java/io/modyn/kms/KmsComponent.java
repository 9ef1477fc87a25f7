package io.modyn.kms;

import io.modyn.api.auth.Authorizer;
import io.modyn.api.crypto.KeyManager;
import io.modyn.api.crypto.RootKeySource;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.storage.StorageEngine;
import io.modyn.kms.api.KmsApi;
import io.modyn.kms.keys.KeyService;
import io.modyn.kms.keys.KeyStore;
import io.modyn.kms.keys.RootKeyMismatchException;
import io.modyn.kms.rootkey.RootKeySelection;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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
 * Starts key management once storage is there: resolves the root key (a registered
 * {@link RootKeySource}, else the file one), checks it against storage, and registers the
 * {@link KeyManager} for the engine and the KMS API handler for the wire protocol. Storage and a
 * third-party root key source are static references: when either comes or goes the component
 * starts again with them.
 *
 * <p>An {@link Authorizer} (auth-iam's) is a dynamic reference: bound, every KMS request is
 * authorized through it; unbound, the API runs in open mode. A scheduled sweep (every
 * {@code sweepIntervalSeconds}, on every node) deletes keys whose deletion date has passed and
 * rotates keys whose automatic rotation is due; storage locks make one node act on each key.
 *
 * <p>A root key that does not match the stored keys is refused before anything is written: the log
 * says so and the server stops with exit status {@value #EXIT_WRONG_ROOT_KEY} (EX_CONFIG), since a
 * server that cannot open its keys cannot serve its encrypted tables either and must not look
 * healthy. Until the JVM is down every KMS request is answered with a {@code KMSInternalException}
 * carrying the same message. Other failures (storage not reachable yet) leave the server up with
 * that refusing API, as before.
 */
@Component(service = {}, immediate = true, configurationPid = KmsComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = KmsConfiguration.class)
public final class KmsComponent {

    static final String PID = "io.modyn.kms";

    /** sysexits.h's EX_CONFIG: the configuration (here the root key) is wrong. */
    static final int EXIT_WRONG_ROOT_KEY = 78;

    private static final Logger LOG = Logger.getLogger(KmsComponent.class.getName());

    @Reference
    private StorageEngine storage;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private RootKeySource registeredRootKey;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authorizer authorizer;

    private ServiceRegistration<KeyManager> keyManager;
    private ServiceRegistration<ProtocolHandler> api;
    private ScheduledExecutorService sweeper;

    @Activate
    void activate(BundleContext context, KmsConfiguration configuration) {
        String accountId = configuration.accountId().trim();
        if (!accountId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("accountId must be twelve digits, not '" + accountId + "'");
        }
        String region = configuration.region().trim();
        ProtocolHandler handler;
        try {
            RootKeySource root = registeredRootKey != null ? registeredRootKey
                    : RootKeySelection.choose(configuration.rootKeyFile(), configuration.dataDirectory(), System::getenv);
            KeyStore store = new KeyStore(storage, root);
            store.open();
            KeyService keys = new KeyService(store, region, accountId, Clock.systemUTC());
            keyManager = context.registerService(KeyManager.class, keys, null);
            handler = new KmsApi(keys, () -> authorizer);
            startSweeper(keys, Math.max(1, configuration.sweepIntervalSeconds()));
            LOG.info(() -> "Key management is on: the KMS API (TrentService) on the endpoint, keys in storage keyspace "
                    + KeyStore.KEYSPACE + " wrapped by the root key in " + root.description());
        } catch (RootKeyMismatchException e) {
            LOG.log(Level.SEVERE, "Key management refused to start: " + e.getMessage() + " The server stops (exit status "
                    + EXIT_WRONG_ROOT_KEY + ").");
            handler = refusing(e.getMessage());
            stopTheServer();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            LOG.log(Level.SEVERE, "Key management refused to start: " + e.getMessage());
            handler = refusing(e.getMessage());
        }
        api = context.registerService(ProtocolHandler.class, handler, KmsApi.serviceProperties());
    }

    private void startSweeper(KeyService keys, long intervalSeconds) {
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "modyn-kms-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                int changed = keys.sweep();
                if (changed > 0) {
                    LOG.fine(() -> "KMS sweep deleted or rotated " + changed + " keys");
                }
            } catch (RuntimeException e) {
                // Storage away for a moment: the next sweep tries again.
                LOG.log(Level.WARNING, "KMS sweep failed: " + e.getMessage(), e);
            }
        }, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
        if (api != null) {
            api.unregister();
            api = null;
        }
        if (keyManager != null) {
            keyManager.unregister();
            keyManager = null;
        }
    }

    /**
     * Exits the JVM from a thread of its own: the launcher's shutdown hook then stops the framework
     * (every bundle's deactivation, this one's included), which must not wait on this activation.
     */
    private static void stopTheServer() {
        Thread exit = new Thread(() -> System.exit(EXIT_WRONG_ROOT_KEY), "modyn-kms-wrong-root-key");
        exit.setDaemon(true);
        exit.start();
    }

    private static ProtocolHandler refusing(String message) {
        String answer = "Key management is unavailable: " + message;
        return new ProtocolHandler() {
            @Override
            public ProtocolResponse handle(io.modyn.api.extension.ProtocolRequest request) {
                return KmsApi.error(500, "KMSInternalException", answer);
            }

            @Override
            public ProtocolResponse errorResponse(io.modyn.api.model.DynamoException error, String requestId) {
                return KmsApi.error(error.type().httpStatus(), error.type().wireName(), error.getMessage());
            }
        };
    }
}
