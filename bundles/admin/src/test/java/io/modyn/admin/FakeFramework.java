package io.modyn.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Just enough of a framework for {@link BundleAdmin}: bundles with an id, a symbolic name and a
 * state, which record the lifecycle calls made on them. Built from dynamic proxies because the
 * OSGi interfaces are large and the tests touch a handful of methods. Installing records the
 * location and the content read (the tests' bundle files hold text); {@link #beforeStop} lets a
 * test hold a stop command in progress.
 */
final class FakeFramework {

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** Runs inside every {@code stop()}, before the state changes. */
    volatile Runnable beforeStop = () -> { };
    private final List<Bundle> bundles = new CopyOnWriteArrayList<>();

    FakeFramework bundle(long id, String symbolicName) {
        return bundle(id, symbolicName, "file:/bundles/" + symbolicName + ".jar");
    }

    private FakeFramework bundle(long id, String symbolicName, String location) {
        int[] state = {Bundle.RESOLVED};
        bundles.add((Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> new Version(1, 2, 3);
                    case "getLocation" -> location;
                    case "getState" -> state[0];
                    case "start" -> {
                        calls.add("start " + id);
                        state[0] = Bundle.ACTIVE;
                        yield null;
                    }
                    case "stop" -> {
                        beforeStop.run();
                        calls.add("stop " + id);
                        state[0] = Bundle.RESOLVED;
                        yield null;
                    }
                    case "update" -> {
                        calls.add("update " + id + (args == null ? "" : " from " + read((InputStream) args[0])));
                        yield null;
                    }
                    case "adapt" -> wiring();
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> Long.hashCode(id);
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
        return this;
    }

    /** A context as seen by the bundle with {@code ownId}. */
    BundleContext context(long ownId) {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundles" -> bundles.toArray(new Bundle[0]);
                    case "getBundle" -> args == null ? bundleWithId(ownId) : bundleWithId((Long) args[0]);
                    case "installBundle" -> install((String) args[0], (InputStream) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Bundle install(String location, InputStream content) {
        long id = bundles.stream().mapToLong(Bundle::getBundleId).max().orElse(0) + 1;
        calls.add("install " + location + " " + read(content));
        bundle(id, "installed." + id, location);
        return bundleWithId(id);
    }

    /** Refreshes nothing and reports at once that it is done. */
    private FrameworkWiring wiring() {
        return (FrameworkWiring) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FrameworkWiring.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("refreshBundles")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add("refresh");
                    for (FrameworkListener listener : (FrameworkListener[]) args[1]) {
                        listener.frameworkEvent(null);
                    }
                    return null;
                });
    }

    private static String read(InputStream content) {
        try {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Bundle bundleWithId(long id) {
        return bundles.stream().filter(b -> b.getBundleId() == id).findFirst().orElse(null);
    }
}
