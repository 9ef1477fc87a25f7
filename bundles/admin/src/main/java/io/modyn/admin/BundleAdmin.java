package io.modyn.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The bundle operations an operator needs, done through the framework's own API, as Gogo's
 * {@code lb}, {@code start}, {@code stop}, {@code update}, {@code install} and {@code uninstall}
 * would. Updates and uninstalls are followed by a package refresh so that bundles wired to the old
 * revision move to the new one, which is what an operator means by "update".
 */
final class BundleAdmin {

    private static final Logger LOG = Logger.getLogger(BundleAdmin.class.getName());
    private static final long REFRESH_TIMEOUT_SECONDS = 60;

    private final BundleContext context;
    /** Held from the start: updating the admin bundle itself invalidates {@link #context}. */
    private final Bundle systemBundle;

    BundleAdmin(BundleContext context) {
        this.context = context;
        this.systemBundle = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
    }

    List<BundleInfo> list() {
        return Arrays.stream(context.getBundles()).map(BundleInfo::of).toList();
    }

    /** The one bundle the selector names; a symbolic name installed in several versions is ambiguous. */
    Bundle find(BundleSelector selector) throws AdminException {
        List<Bundle> matches = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (selector.matches(bundle.getBundleId(), bundle.getSymbolicName())) {
                matches.add(bundle);
            }
        }
        if (matches.isEmpty()) {
            throw new AdminException(AdminException.NOT_FOUND, "No " + selector);
        }
        if (matches.size() > 1) {
            throw new AdminException(AdminException.CONFLICT, "Several bundles match " + selector
                    + ", use an id: " + matches.stream().map(b -> Long.toString(b.getBundleId())).toList());
        }
        return matches.get(0);
    }

    /**
     * Whether acting on this bundle takes the admin endpoint down with it: the admin bundle itself
     * or the framework (stopping bundle 0 shuts the server down).
     */
    boolean hostsEndpoint(Bundle bundle) {
        return bundle.equals(systemBundle) || bundle.equals(context.getBundle());
    }

    BundleInfo start(Bundle bundle) throws AdminException {
        perform(bundle, "start", () -> bundle.start());
        return BundleInfo.of(bundle);
    }

    BundleInfo stop(Bundle bundle) throws AdminException {
        perform(bundle, "stop", () -> bundle.stop());
        return BundleInfo.of(bundle);
    }

    /**
     * Updates from the bundle's own location when {@code file} is null, else from {@code file}, which
     * {@link InstallLocationPolicy} has checked.
     */
    BundleInfo update(Bundle bundle, Path file) throws AdminException {
        if (file == null) {
            perform(bundle, "update", () -> bundle.update());
        } else {
            try (InputStream content = Files.newInputStream(file)) {
                perform(bundle, "update", () -> bundle.update(content));
            } catch (IOException e) {
                throw new AdminException(AdminException.BAD_REQUEST, "Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        refresh(bundle);
        return BundleInfo.of(bundle);
    }

    BundleInfo uninstall(Bundle bundle) throws AdminException {
        perform(bundle, "uninstall", () -> bundle.uninstall());
        refresh(bundle);
        return BundleInfo.of(bundle);
    }

    /**
     * Installs the bundle in {@code file} (checked by {@link InstallLocationPolicy}), with its
     * {@code file:} URL as location. The content is read here, from the checked path, rather than
     * by the framework from the URL.
     */
    BundleInfo install(Path file, boolean start) throws AdminException {
        String location = file.toUri().toString();
        Bundle bundle;
        try (InputStream content = Files.newInputStream(file)) {
            bundle = context.installBundle(location, content);
        } catch (IOException e) {
            throw new AdminException(AdminException.BAD_REQUEST, "Cannot read " + file + ": " + e.getMessage(), e);
        } catch (BundleException | IllegalStateException e) {
            throw new AdminException(AdminException.CONFLICT, "Cannot install " + location + ": " + e.getMessage(), e);
        }
        if (start) {
            perform(bundle, "start", () -> bundle.start());
        }
        return BundleInfo.of(bundle);
    }

    private static void perform(Bundle bundle, String verb, BundleOperation operation) throws AdminException {
        try {
            operation.run();
        } catch (BundleException | IllegalStateException e) {
            throw new AdminException(AdminException.CONFLICT,
                    "Cannot " + verb + " bundle " + bundle.getBundleId() + ": " + e.getMessage(), e);
        }
    }

    /** Refreshes the bundle's wiring and waits for it, so the answer reflects the new state. */
    private void refresh(Bundle bundle) {
        FrameworkWiring wiring = systemBundle.adapt(FrameworkWiring.class);
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> refreshed.countDown());
        try {
            if (!refreshed.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning(() -> "Package refresh after changing bundle " + bundle.getBundleId()
                        + " did not finish within " + REFRESH_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface BundleOperation {
        void run() throws BundleException;
    }
}
