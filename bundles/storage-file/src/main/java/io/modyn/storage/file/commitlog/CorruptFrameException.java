package io.modyn.storage.file.commitlog;

import java.io.IOException;

/** The bytes at an offset of a file are not a whole, intact frame (or header). */
public class CorruptFrameException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public CorruptFrameException(long offset, String reason) {
        super(reason + " at offset " + offset);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
