package io.modyn.storage.file.manifest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An edit could not be written and the file could not be cut back to its last whole edit: the
 * manifest refuses every later edit, since one appended behind the garbage would be lost at the
 * next open. Restarting the storage reopens it from what is durable.
 */
public final class ManifestFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    ManifestFailedException(Path path, Throwable cause) {
        super("manifest " + path + " failed and accepts no more edits until the storage restarts: " + cause, cause);
    }
}
