package io.modyn.admin;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Authorizer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the admin endpoint while the admin bundle is active. A configuration change restarts the
 * endpoint (no {@code @Modified}): the port, address, token file or install folders may have
 * changed. The endpoint does not start without its token: no token file, no endpoint.
 *
 * <p>The {@link Authenticator} and {@link Authorizer} are optional, dynamic and greedy references,
 * as in the wire protocol: each request uses whichever is bound at that moment (see
 * {@link AdminAccess}); {@code authenticationRequired} keeps the endpoint closed while the
 * authenticator is missing.
 */
@Component(configurationPid = AdminService.PID)
@Designate(ocd = AdminConfiguration.class)
public final class AdminService {

    static final String PID = "io.modyn.admin";
    static final String DATA_DIR_PROPERTY = "modyn.data.dir";

    private static final Logger LOG = Logger.getLogger(AdminService.class.getName());

    /** With auth-iam in mode iam: every request must be signed (see {@link AdminAccess}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    /** Decides what principals other than the account root may do; without one, only the root may. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authorizer authorizer;

    private AdminEndpoint endpoint;

    @Activate
    void activate(BundleContext context, AdminConfiguration configuration) throws IOException {
        InetSocketAddress address = new InetSocketAddress(
                LoopbackAddress.require(configuration.bind()), configuration.port());
        AdminToken token = AdminToken.loadOrCreate(tokenFile(configuration, context.getProperty(DATA_DIR_PROPERTY)));
        InstallLocationPolicy locations = InstallLocationPolicy.of(configuration.installFolders());
        AdminAccess access = new AdminAccess(() -> authenticator, () -> authorizer,
                configuration.authenticationRequired(), configuration.region().trim());
        endpoint = AdminEndpoint.start(address, new AdminHttpHandler(new BundleAdmin(context), token, locations, access,
                AdminHttpHandler.DEFAULT_LOCK_WAIT));
        LOG.info(() -> "Admin endpoint listening on http://" + endpoint.address().getHostString()
                + ":" + endpoint.address().getPort() + "/bundles (token in " + token.file()
                + "; installs from " + locations.folders()
                + (configuration.authenticationRequired() ? "; requests signed by the account root" : "") + ")");
    }

    @Deactivate
    void deactivate() {
        endpoint.stop();
    }

    static Path tokenFile(AdminConfiguration configuration, String dataDir) {
        String configured = configuration.tokenFile();
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException("The admin endpoint needs a token file: set tokenFile in conf/" + PID
                    + ".cfg or the " + DATA_DIR_PROPERTY + " property");
        }
        return Path.of(dataDir, AdminConfiguration.TOKEN_FILE_NAME);
    }
}
