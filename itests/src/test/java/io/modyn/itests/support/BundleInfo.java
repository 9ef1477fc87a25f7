package io.modyn.itests.support;

/** A bundle as the admin endpoint lists it. */
public record BundleInfo(long id, String symbolicName, String version, String state) {

    public boolean isActive() {
        return "ACTIVE".equals(state);
    }
}
