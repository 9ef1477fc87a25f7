package io.modyn.auth.iam;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.storage.StorageEngine;
import io.modyn.auth.iam.authorization.CallerPolicies;
import io.modyn.auth.iam.authorization.IamAuthorizer;
import io.modyn.auth.iam.authorization.StoredCallerPolicies;
import io.modyn.auth.iam.credentials.CredentialLookup;
import io.modyn.auth.iam.credentials.AccessKeyGenerator;
import io.modyn.auth.iam.credentials.CredentialsFile.Keys;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.credentials.RootCredentialsSource;
import io.modyn.auth.iam.iam.IamApi;
import io.modyn.auth.iam.identity.IdentityPolicies;
import io.modyn.auth.iam.identity.IdentityStorage;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.identity.PolicyHolders;
import io.modyn.auth.iam.identity.PolicyStore;
import io.modyn.auth.iam.identity.SecretKeyFile;
import io.modyn.auth.iam.identity.SecretSealer;
import io.modyn.auth.iam.identity.SessionCache;
import io.modyn.auth.iam.identity.SessionStore;
import io.modyn.auth.iam.identity.UserKeyCache;
import io.modyn.auth.iam.sigv4.SigV4Verifier;
import io.modyn.auth.iam.sigv4.SigningServices;
import io.modyn.auth.iam.sts.StoredRoles;
import io.modyn.auth.iam.sts.StsApi;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Locale;
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
 * Switches authentication on or off. The distribution always ships this bundle; {@code mode}
 * ({@code bin/modyn --auth}) decides: with {@code iam} the component resolves the root credentials
 * and registers the {@link Authenticator} that the wire protocol then calls for every request;
 * with {@code none} it registers nothing and the server stays in its open, loopback-only mode.
 *
 * <p>The service is registered by hand rather than declared, because whether it exists at all
 * depends on the configuration. The component waits for its configuration (the distribution's
 * {@code conf/io.modyn.auth.iam.cfg}), so it never runs on defaults first. A configuration change re-runs activation (no {@code @Modified}).
 * Root keys that are unusable fail activation loudly: the server then serves loopback clients
 * only, never other hosts without authentication.
 *
 * <p>IAM users and their keys live in storage ({@link IdentityStore}), reached through an
 * optional, dynamic, greedy reference: the root authenticates while no backend is bound, users'
 * keys and the IAM API answer a retryable error meanwhile. The IAM API is registered only with
 * authentication on, as STS is: without a caller it has no meaning.
 */
@Component(service = {}, immediate = true, configurationPid = AuthIamComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AuthIamConfiguration.class)
public final class AuthIamComponent {

    static final String PID = "io.modyn.auth.iam";

    private static final Logger LOG = Logger.getLogger(AuthIamComponent.class.getName());

    private ServiceRegistration<Authenticator> registration;
    private ServiceRegistration<Authorizer> authorizer;
    private ServiceRegistration<ProtocolHandler> stsApi;
    private ServiceRegistration<ProtocolHandler> iamApi;
    private final IdentityStorage storage = new IdentityStorage();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindStorage(StorageEngine engine) {
        storage.bind(engine);
    }

    void unbindStorage(StorageEngine engine) {
        storage.unbind(engine);
    }

    @Activate
    void activate(BundleContext context, AuthIamConfiguration configuration) {
        String mode = configuration.mode().trim().toLowerCase(Locale.ROOT);
        if (mode.isEmpty() || mode.equals("none")) {
            LOG.info("Authentication is off (mode none): only loopback clients are served");
            return;
        }
        if (!mode.equals("iam")) {
            throw new IllegalArgumentException("mode must be none or iam, not '" + configuration.mode() + "'");
        }
        Map<String, String> environment = System.getenv();
        Identities identities = identities(configuration, environment, storage, Clock.systemUTC());
        registration = context.registerService(Authenticator.class,
                create(configuration, environment, Clock.systemUTC(), identities.keys(), identities.sessionKeys()),
                new Hashtable<>(Map.of("mode", "iam")));
        // The engine asks the authorizer before every operation: from now on callers need policies that allow.
        CallerPolicies callers = callerPolicies(identities, Duration.ofMillis(configuration.identityCacheMillis()));
        Authorizer policies = authorizer(configuration, callers);
        authorizer = context.registerService(Authorizer.class, policies, new Hashtable<>(Map.of("mode", "iam")));
        // STS and IAM on the same endpoint, only while requests are authenticated: they answer who signed them.
        // AssumeRole weighs the caller's identity-based policies (the authorizer's) with the role's trust policy.
        String accountId = configuration.accountId().trim();
        stsApi = context.registerService(ProtocolHandler.class, StsApi.handler(identities.keys()::userId, identities.sessions(),
                identities.sessionKeys(), new StoredRoles(identities.store().roleStore(), accountId),
                caller -> callers.of(caller).policies()), StsApi.serviceProperties());
        // IAM's own actions are authorized too: a user may manage identities only as its policies allow.
        iamApi = context.registerService(ProtocolHandler.class, IamApi.handler(identities.store(), identities.policies(), accountId,
                policies), IamApi.serviceProperties());
        LOG.info(() -> "Authentication is on (mode iam): every request must carry a valid Signature Version 4 for region "
                + configuration.region() + ", account " + configuration.accountId());
    }

    @Deactivate
    void deactivate() {
        if (iamApi != null) {
            iamApi.unregister();
            iamApi = null;
        }
        if (stsApi != null) {
            stsApi.unregister();
            stsApi = null;
        }
        if (authorizer != null) {
            authorizer.unregister();
            authorizer = null;
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    /**
     * The identity store and the authentication path's view of its keys; the STS sessions and their
     * view ({@link SessionCache#findSession} is what the authorizer asks of a temporary key); the
     * policies and the authorization path's view of them.
     */
    record Identities(IdentityStore store, UserKeyCache keys, SessionStore sessions, SessionCache sessionKeys, PolicyStore policies,
                      IdentityPolicies resolver) {
    }

    /**
     * The IAM users' store, its secrets sealed under {@code <data-dir>/iam-secret.key} or the file
     * the configured environment variable ({@code MODYN_IAM_SECRET_KEY_FILE}) names, created if absent.
     */
    static Identities identities(AuthIamConfiguration configuration, Map<String, String> environment, IdentityStorage storage,
                                 Clock clock) {
        SecureRandom random = new SecureRandom();
        String keyFile = environment.getOrDefault(configuration.secretKeyFileVariable(), "").trim();
        Path file = keyFile.isEmpty() ? dataDirectory(configuration).resolve(SecretKeyFile.FILE_NAME) : Path.of(keyFile);
        SecretSealer sealer = new SecretSealer(SecretKeyFile.loadOrCreate(file, random), random);
        IdentityStore store = new IdentityStore(storage, sealer, random, clock);
        long cacheMillis = configuration.identityCacheMillis();
        if (cacheMillis < 0 || cacheMillis > 1000) {
            throw new IllegalArgumentException("identityCacheMillis must be between 0 and 1000, not " + cacheMillis);
        }
        UserKeyCache keys = new UserKeyCache(store, configuration.accountId().trim(), configuration.region().trim(),
                Duration.ofMillis(cacheMillis), System::nanoTime);
        SessionStore sessions = new SessionStore(storage, sealer, random, clock);
        PolicyStore policies = new PolicyStore(storage, PolicyHolders.stored(store), configuration.accountId().trim(), random, clock);
        IdentityPolicies resolver = new IdentityPolicies(policies, Duration.ofMillis(cacheMillis), System::nanoTime);
        return new Identities(store, keys, sessions, new SessionCache(sessions, Duration.ofMillis(cacheMillis), System::nanoTime),
                policies, resolver);
    }

    /**
     * Where the authorizer gets callers' policies: IAM users' (their own and their groups'), role
     * sessions' (their role's, narrowed by the session's), kept at most the identity cache time.
     */
    static CallerPolicies callerPolicies(Identities identities, Duration maxAge) {
        return new StoredCallerPolicies(identities.store(), identities.resolver(), identities.sessionKeys(), maxAge, System::nanoTime);
    }

    static Authorizer authorizer(AuthIamConfiguration configuration, CallerPolicies callers) {
        return new IamAuthorizer(configuration.region().trim(), callers, Clock.systemUTC(), System::nanoTime);
    }

    /** The authenticator of this configuration for the account root alone. */
    static Authenticator create(AuthIamConfiguration configuration, Map<String, String> environment, Clock clock) {
        return create(configuration, environment, clock, null);
    }

    /**
     * The authenticator of this configuration, with the root keys from this environment or the data
     * directory, and the IAM users' keys from {@code users} (none if null).
     */
    static Authenticator create(AuthIamConfiguration configuration, Map<String, String> environment, Clock clock, UserKeyCache users) {
        return create(configuration, environment, clock, users, null);
    }

    /**
     * The authenticator of this configuration, with the root keys, the IAM users' keys from
     * {@code users} and the temporary ({@code ASIA...}) keys from {@code sessions} (none if null).
     */
    static Authenticator create(AuthIamConfiguration configuration, Map<String, String> environment, Clock clock, UserKeyCache users,
                                SessionCache sessions) {
        String accountId = configuration.accountId().trim();
        if (!accountId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("accountId must be twelve digits, not '" + accountId + "'");
        }
        String region = configuration.region().trim();
        if (region.isEmpty()) {
            throw new IllegalArgumentException("region must not be empty");
        }
        RootCredentialsSource source = new RootCredentialsSource(environment, configuration.rootAccessKeyIdVariable(),
                configuration.rootSecretAccessKeyVariable(), dataDirectory(configuration), new AccessKeyGenerator(new SecureRandom()));
        Keys keys = source.resolve(accountId);
        RootCredentials root = new RootCredentials(accountId, keys.accessKeyId(), keys.secretAccessKey());
        CredentialLookup lookup = users == null ? root : accessKeyId -> {
            var credential = root.find(accessKeyId);
            if (credential != null) return credential;
            return sessions != null && AccessKeyGenerator.isTemporary(accessKeyId) ? sessions.find(accessKeyId) : users.find(accessKeyId);
        };
        return new IamAuthenticator(new SigV4Verifier(region, lookup, SigningServices::accepted, clock),
                users == null ? (accessKeyId, service) -> { } : users::used);
    }

    private static Path dataDirectory(AuthIamConfiguration configuration) {
        return Path.of(configuration.dataDirectory().isBlank() ? "." : configuration.dataDirectory().trim());
    }
}
