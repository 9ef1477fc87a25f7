package io.modyn.itests.probe;

import io.modyn.api.auth.Authorizer;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers a {@link KeyPolicyAuthorizer} as a plain service, as a third-party bundle would without Declarative Services. */
public final class AuthorizerProbeActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(Authorizer.class, new KeyPolicyAuthorizer(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the bundle's services when it stops
    }
}
