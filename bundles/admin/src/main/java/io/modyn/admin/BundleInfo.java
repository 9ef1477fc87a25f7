package io.modyn.admin;

import org.osgi.framework.Bundle;

/** What the endpoint reports about one bundle. */
record BundleInfo(long id, String state, String symbolicName, String version, String location) {

    static BundleInfo of(Bundle bundle) {
        return new BundleInfo(bundle.getBundleId(), stateName(bundle.getState()),
                bundle.getSymbolicName(), bundle.getVersion().toString(), bundle.getLocation());
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
