package io.modyn.admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the admin endpoint while the admin bundle is active. A configuration change restarts the
 * endpoint (no {@code @Modified}): the port or address may have changed.
 */
@Component(configurationPid = AdminService.PID)
@Designate(ocd = AdminConfiguration.class)
public final class AdminService {

    static final String PID = "io.modyn.admin";

    private static final Logger LOG = Logger.getLogger(AdminService.class.getName());

    private AdminEndpoint endpoint;

    @Activate
    void activate(BundleContext context, AdminConfiguration configuration) throws IOException {
        InetSocketAddress address = new InetSocketAddress(
                LoopbackAddress.require(configuration.bind()), configuration.port());
        endpoint = AdminEndpoint.start(address, new AdminHttpHandler(new BundleAdmin(context)));
        LOG.info(() -> "Admin endpoint listening on http://" + endpoint.address().getHostString()
                + ":" + endpoint.address().getPort() + "/bundles");
    }

    @Deactivate
    void deactivate() {
        endpoint.stop();
    }
}
