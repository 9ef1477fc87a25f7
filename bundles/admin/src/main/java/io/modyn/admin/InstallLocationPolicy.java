package io.modyn.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where {@code install} and {@code update} may read a bundle from: only files under the folders
 * the operator configured ({@code installFolders}). The server never fetches a URL for the admin
 * endpoint: {@code http:}, {@code ftp:}, {@code jar:} and the like would let whoever reaches the
 * endpoint make the server probe the network, and run code from anywhere.
 *
 * <p>A location is a path or a {@code file:} URL. It is made absolute (relative paths against the
 * server's working directory) and resolved with {@link Path#toRealPath} (which follows every
 * symbolic link and removes {@code ..}) before containment is checked, against the allowed folders
 * resolved the same way, so neither {@code ..} nor a link can lead out of them.
 */
final class InstallLocationPolicy {

    /** A URL scheme of two or more characters, so that a Windows drive letter is not one. */
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):.*");

    private final List<Path> folders;

    InstallLocationPolicy(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** From the configured folders; each entry may itself be a comma-separated list. */
    static InstallLocationPolicy of(String[] configured) {
        List<Path> folders = new ArrayList<>();
        for (String entry : configured == null ? new String[0] : configured) {
            for (String folder : entry.split(",")) {
                if (!folder.isBlank()) {
                    folders.add(Path.of(folder.trim()).toAbsolutePath().normalize());
                }
            }
        }
        return new InstallLocationPolicy(folders);
    }

    List<Path> folders() {
        return folders;
    }

    /** The real path of the bundle file {@code location} names, if it lies in an allowed folder. */
    Path require(String location) throws AdminException {
        if (location == null || location.isBlank()) {
            throw new AdminException(AdminException.BAD_REQUEST, "A location (a bundle file) is required");
        }
        Path real = realPath(toPath(location));
        for (Path folder : folders) {
            Path realFolder = realFolder(folder);
            if (realFolder != null && real.startsWith(realFolder)) {
                return real;
            }
        }
        throw new AdminException(AdminException.FORBIDDEN, location + " is not in a folder bundles may be installed"
                + " from: " + describeFolders());
    }

    private Path toPath(String location) throws AdminException {
        var scheme = URL_SCHEME.matcher(location);
        try {
            if (!scheme.matches()) {
                return Path.of(location).toAbsolutePath().normalize();
            }
            if (!scheme.group(1).toLowerCase(Locale.ROOT).equals("file")) {
                throw new AdminException(AdminException.FORBIDDEN, "Bundles are installed from files only, not "
                        + scheme.group(1) + ": locations; put the bundle in " + describeFolders());
            }
            return Path.of(URI.create(location)).normalize();
        } catch (IllegalArgumentException e) { // also InvalidPathException
            throw new AdminException(AdminException.BAD_REQUEST, "Not a local file: " + location, e);
        }
    }

    private static Path realPath(Path path) throws AdminException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new AdminException(AdminException.BAD_REQUEST, "No such file: " + path, e);
        } catch (IOException e) {
            throw new AdminException(AdminException.BAD_REQUEST, "Cannot read " + path + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(real)) {
            throw new AdminException(AdminException.BAD_REQUEST, "Not a bundle file: " + path);
        }
        return real;
    }

    /** Null for a folder that does not exist (yet): nothing can be installed from it. */
    private static Path realFolder(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private String describeFolders() {
        return folders.isEmpty()
                ? "none is configured (installFolders in conf/" + AdminService.PID + ".cfg)"
                : folders.toString() + " (installFolders in conf/" + AdminService.PID + ".cfg)";
    }
}
