package io.modyn.storage.file.sstable;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A sorted table's bytes do not check out: a truncated file, a flipped bit, or a version this
 * reader does not know. The message names the file and the part (header, footer, a section, or
 * a block with its number and offset) so an operator knows what {@code modyn-sstable verify}
 * will report.
 */
public final class CorruptTableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CorruptTableException(Path file, String part, String problem) {
        super(file + ": " + part + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
