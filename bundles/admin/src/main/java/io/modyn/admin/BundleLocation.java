package io.modyn.admin;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Turns what an operator passes as a bundle source into a location URL: URLs stay as they are,
 * file paths become {@code file:} URLs (relative ones against the server's working directory).
 */
final class BundleLocation {

    /** A URL scheme of two or more characters, so that a Windows drive letter is not one. */
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private BundleLocation() {
    }

    static String toUrl(String pathOrUrl) throws AdminException {
        if (pathOrUrl == null || pathOrUrl.isBlank()) {
            throw new AdminException(AdminException.BAD_REQUEST, "A location (file path or URL) is required");
        }
        if (URL_SCHEME.matcher(pathOrUrl).matches()) {
            return pathOrUrl;
        }
        return Path.of(pathOrUrl).toAbsolutePath().normalize().toUri().toString();
    }
}
