package io.modyn.admin;

/**
 * Names a bundle the way an operator types it: a bundle id ({@code 7}) or a symbolic name
 * ({@code io.modyn.storage.file}).
 */
record BundleSelector(Long id, String symbolicName) {

    static BundleSelector parse(String text) throws AdminException {
        if (text == null || text.isBlank()) {
            throw new AdminException(AdminException.BAD_REQUEST, "A bundle id or symbolic name is required");
        }
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return new BundleSelector(Long.parseLong(text), null);
            } catch (NumberFormatException e) {
                throw new AdminException(AdminException.BAD_REQUEST, "Bundle id out of range: " + text, e);
            }
        }
        return new BundleSelector(null, text);
    }

    boolean matches(long bundleId, String bundleSymbolicName) {
        return id != null ? id == bundleId : symbolicName.equals(bundleSymbolicName);
    }

    @Override
    public String toString() {
        return id != null ? "bundle " + id : "bundle " + symbolicName;
    }
}
