package io.modyn.export.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryStoreTest {

    @TempDir
    Path root;

    @Test
    void objectsAreFilesUnderTheBucketDirectoryWithTheirKeys() throws IOException {
        LocalDirectoryStore store = new LocalDirectoryStore(root);
        store.put("my-bucket", "a/b/c.json", "x".getBytes(StandardCharsets.UTF_8));
        store.put("my-bucket", "a/d.json", "yy".getBytes(StandardCharsets.UTF_8));
        store.put("my-bucket", "z.json", new byte[0]);
        assertEquals("x", Files.readString(root.resolve("my-bucket/a/b/c.json")));
        assertEquals(List.of(new ObjectStore.StoredObject("a/b/c.json", 1), new ObjectStore.StoredObject("a/d.json", 2)),
                store.list("my-bucket", "a/"));
        assertEquals(3, store.list("my-bucket", "").size());
        try (InputStream in = store.get("my-bucket", "a/d.json")) {
            assertArrayEquals("yy".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void keysThatWouldLeaveTheBucketAreRefused() {
        LocalDirectoryStore store = new LocalDirectoryStore(root);
        assertThrows(ObjectStoreException.class, () -> store.put("bucket", "../escape", new byte[0]));
        assertThrows(ObjectStoreException.class, () -> store.put("bucket", "a//b", new byte[0]));
        assertThrows(ObjectStoreException.class, () -> store.put("../b", "k", new byte[0]));
        ObjectStoreException missing = assertThrows(ObjectStoreException.class, () -> store.list("absent-bucket", ""));
        assertEquals("NoSuchBucket", missing.code());
        ObjectStoreException noKey = assertThrows(ObjectStoreException.class, () -> store.get("absent-bucket", "k"));
        assertEquals("NoSuchKey", noKey.code());
    }
}
