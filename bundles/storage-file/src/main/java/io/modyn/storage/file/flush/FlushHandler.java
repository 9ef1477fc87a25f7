package io.modyn.storage.file.flush;

import java.io.IOException;

/** Writes a switched memtable to a sorted table and makes it live; the engine implements it. */
@FunctionalInterface
public interface FlushHandler {

    void flush(FlushTask task) throws IOException;
}
