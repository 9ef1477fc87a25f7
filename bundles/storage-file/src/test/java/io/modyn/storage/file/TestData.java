package io.modyn.storage.file;

import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.storage.file.commitlog.FileHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** Shared helpers of the engine-level tests: writing records, reading keyspaces, copying data as a crash leaves it. */
final class TestData {

    private TestData() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static void put(StorageEngine engine, String keyspace, String partition, String sort, String value) {
        try (StorageTransaction tx = engine.begin()) {
            tx.put(keyspace, utf8(partition), utf8(sort), utf8(value));
            tx.commit();
        }
    }

    static void delete(StorageEngine engine, String keyspace, String partition, String sort) {
        try (StorageTransaction tx = engine.begin()) {
            tx.delete(keyspace, utf8(partition), utf8(sort));
            tx.commit();
        }
    }

    static String get(StorageEngine engine, String keyspace, String partition, String sort) {
        return text(engine.get(keyspace, utf8(partition), utf8(sort)));
    }

    /** Every record of a keyspace as "partition/sort=value" lines, in scan order. */
    static List<String> contents(StorageEngine engine, String keyspace) {
        List<String> lines = new ArrayList<>();
        try (RecordCursor cursor = engine.scan(keyspace, 0, 1, null)) {
            while (cursor.hasNext()) {
                StorageRecord r = cursor.next();
                lines.add(text(r.partition()) + "/" + text(r.sort()) + "=" + text(r.value()));
            }
        }
        return lines;
    }

    /**
     * Copies a data directory while its engine is still open: what a {@code kill -9} leaves, since
     * everything acknowledged has been written to the operating system.
     */
    static void copyAsCrashed(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites the format version in a storage file's header (keeping its checksum valid), as a
     * newer Modyn writing a format this one does not know would leave it.
     */
    static void rewriteFormatVersion(Path file, int version) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(FileHeader.SIZE);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // Read the whole header.
            }
            header.putInt(8, version);
            CRC32C crc = new CRC32C();
            crc.update(header.array(), 0, FileHeader.SIZE - 4);
            header.putInt(FileHeader.SIZE - 4, (int) crc.getValue());
            channel.write(header.rewind(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
