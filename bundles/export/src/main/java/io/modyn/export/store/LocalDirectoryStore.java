package io.modyn.export.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Buckets as directories: object {@code key} of bucket {@code b} is the file
 * {@code <root>/b/<key>}, so an export lies on disk as it would in S3
 * ({@code <data>/s3/<bucket>/AWSDynamoDB/<exportId>/...}). A bucket directory is created on the
 * first write. Objects are written to a temporary file and moved into place, so a reader never sees
 * half an object. Keys with {@code .}, {@code ..} or empty segments are refused: they would leave the
 * bucket or alias another key.
 */
public final class LocalDirectoryStore implements ObjectStore {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path root;

    public LocalDirectoryStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String bucket, String key, byte[] bytes) throws IOException {
        Path target = file(bucket, key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void put(String bucket, String key, Path file) throws IOException {
        Path target = file(bucket, key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream get(String bucket, String key) throws IOException {
        try {
            return Files.newInputStream(file(bucket, key));
        } catch (NoSuchFileException e) {
            throw new ObjectStoreException("NoSuchKey", "The specified key does not exist: " + key, e);
        }
    }

    @Override
    public List<StoredObject> list(String bucket, String prefix) throws IOException {
        Path directory = bucketDirectory(bucket);
        if (!Files.isDirectory(directory)) {
            throw new ObjectStoreException("NoSuchBucket", "The specified bucket does not exist: " + bucket, null);
        }
        List<StoredObject> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String key = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (key.startsWith(".upload-") || key.contains("/.upload-")) continue;
                if (key.startsWith(prefix == null ? "" : prefix)) objects.add(new StoredObject(key, Files.size(file)));
            }
        }
        objects.sort(Comparator.comparing(StoredObject::key));
        return objects;
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    private Path bucketDirectory(String bucket) throws ObjectStoreException {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new ObjectStoreException("InvalidBucketName", "The specified bucket is not valid: " + bucket, null);
        }
        return root.resolve(bucket);
    }

    private Path file(String bucket, String key) throws ObjectStoreException {
        if (key == null || key.isEmpty() || key.startsWith("/")) throw new ObjectStoreException("InvalidKey", "Invalid key: " + key, null);
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new ObjectStoreException("InvalidKey", "Invalid key: " + key, null);
            }
        }
        return bucketDirectory(bucket).resolve(key);
    }
}
