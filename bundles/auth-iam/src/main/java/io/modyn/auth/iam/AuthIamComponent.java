package io.modyn.auth.iam;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.auth.iam.credentials.AccessKeyGenerator;
import io.modyn.auth.iam.credentials.CredentialsFile.Keys;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.credentials.RootCredentialsSource;
import io.modyn.auth.iam.sigv4.SigV4Verifier;
import io.modyn.auth.iam.sigv4.SigningServices;
import io.modyn.auth.iam.sts.StsApi;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
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
 */
@Component(service = {}, immediate = true, configurationPid = AuthIamComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AuthIamConfiguration.class)
public final class AuthIamComponent {

    static final String PID = "io.modyn.auth.iam";

    private static final Logger LOG = Logger.getLogger(AuthIamComponent.class.getName());

    private ServiceRegistration<Authenticator> registration;
    private ServiceRegistration<ProtocolHandler> stsApi;

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
        registration = context.registerService(Authenticator.class, create(configuration, System.getenv(), Clock.systemUTC()),
                new Hashtable<>(Map.of("mode", "iam")));
        // STS on the same endpoint, only while requests are authenticated: it answers who signed them.
        stsApi = context.registerService(ProtocolHandler.class, StsApi.handler(), StsApi.serviceProperties());
        LOG.info(() -> "Authentication is on (mode iam): every request must carry a valid Signature Version 4 for region "
                + configuration.region() + ", account " + configuration.accountId());
    }

    @Deactivate
    void deactivate() {
        if (stsApi != null) {
            stsApi.unregister();
            stsApi = null;
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    /** The authenticator of this configuration, with the root keys from this environment or the data directory. */
    static Authenticator create(AuthIamConfiguration configuration, Map<String, String> environment, Clock clock) {
        String accountId = configuration.accountId().trim();
        if (!accountId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("accountId must be twelve digits, not '" + accountId + "'");
        }
        String region = configuration.region().trim();
        if (region.isEmpty()) {
            throw new IllegalArgumentException("region must not be empty");
        }
        Path dataDirectory = Path.of(configuration.dataDirectory().isBlank() ? "." : configuration.dataDirectory().trim());
        RootCredentialsSource source = new RootCredentialsSource(environment, configuration.rootAccessKeyIdVariable(),
                configuration.rootSecretAccessKeyVariable(), dataDirectory, new AccessKeyGenerator(new SecureRandom()));
        Keys keys = source.resolve(accountId);
        RootCredentials root = new RootCredentials(accountId, keys.accessKeyId(), keys.secretAccessKey());
        return new IamAuthenticator(new SigV4Verifier(region, root, SigningServices::accepted, clock));
    }
}
