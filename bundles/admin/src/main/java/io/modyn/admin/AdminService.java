package io.modyn.admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the admin endpoint while the admin bundle is active. A configuration change restarts the
 * endpoint (no {@code @Modified}): the port, address, token file or install folders may have
 * changed. The endpoint does not start without its token: no token file, no endpoint.
 */
@Component(configurationPid = AdminService.PID)
@Designate(ocd = AdminConfiguration.class)
public final class AdminService {

    static final String PID = "io.modyn.admin";
    static final String DATA_DIR_PROPERTY = "modyn.data.dir";

    private static final Logger LOG = Logger.getLogger(AdminService.class.getName());

    private AdminEndpoint endpoint;

    @Activate
    void activate(BundleContext context, AdminConfiguration configuration) throws IOException {
        InetSocketAddress address = new InetSocketAddress(
                LoopbackAddress.require(configuration.bind()), configuration.port());
        AdminToken token = AdminToken.loadOrCreate(tokenFile(configuration, context.getProperty(DATA_DIR_PROPERTY)));
        InstallLocationPolicy locations = InstallLocationPolicy.of(configuration.installFolders());
        endpoint = AdminEndpoint.start(address, new AdminHttpHandler(new BundleAdmin(context), token, locations,
                AdminHttpHandler.DEFAULT_LOCK_WAIT));
        LOG.info(() -> "Admin endpoint listening on http://" + endpoint.address().getHostString()
                + ":" + endpoint.address().getPort() + "/bundles (token in " + token.file()
                + "; installs from " + locations.folders() + ")");
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
