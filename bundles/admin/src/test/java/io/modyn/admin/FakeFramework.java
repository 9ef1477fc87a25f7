package io.modyn.admin;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * Just enough of a framework for {@link BundleAdmin}: bundles with an id, a symbolic name and a
 * state, which record the lifecycle calls made on them. Built from dynamic proxies because the
 * OSGi interfaces are large and the tests touch a handful of methods.
 */
final class FakeFramework {

    final List<String> calls = new ArrayList<>();
    private final List<Bundle> bundles = new ArrayList<>();

    FakeFramework bundle(long id, String symbolicName) {
        int[] state = {Bundle.RESOLVED};
        bundles.add((Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> new Version(1, 2, 3);
                    case "getLocation" -> "file:/bundles/" + symbolicName + ".jar";
                    case "getState" -> state[0];
                    case "start" -> {
                        calls.add("start " + id);
                        state[0] = Bundle.ACTIVE;
                        yield null;
                    }
                    case "stop" -> {
                        calls.add("stop " + id);
                        state[0] = Bundle.RESOLVED;
                        yield null;
                    }
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
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Bundle bundleWithId(long id) {
        return bundles.stream().filter(b -> b.getBundleId() == id).findFirst().orElse(null);
    }
}
