package io.modyn.storage.file.commitlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a directory's entries durable. Creating, renaming or deleting a file changes its
 * directory, and on Linux only an fsync of the directory itself makes that change survive a power
 * loss; without it a freshly created segment or a renamed snapshot could vanish.
 */
public final class DirectorySync {

    private DirectorySync() {
    }

    public static void sync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
