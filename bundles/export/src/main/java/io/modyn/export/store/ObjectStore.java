package io.modyn.export.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where exports are written and imports read: S3 buckets and keys. Two implementations: an
 * S3-compatible endpoint ({@link S3ObjectStore}) and a directory per bucket under the data
 * directory ({@link LocalDirectoryStore}), with the same key layout.
 */
public interface ObjectStore {

    /** An object a listing found. */
    record StoredObject(String key, long size) {
    }

    /** Stores {@code bytes} as the object, replacing any. */
    void put(String bucket, String key, byte[] bytes) throws IOException;

    /** Stores the file's content as the object, replacing any. */
    void put(String bucket, String key, Path file) throws IOException;

    /** The object's content; the caller closes it. */
    InputStream get(String bucket, String key) throws IOException;

    /** Every object whose key starts with {@code prefix} (all for an empty prefix), in key order. */
    List<StoredObject> list(String bucket, String prefix) throws IOException;

    /** What this store is, for logs and failure messages. */
    String describe();
}
