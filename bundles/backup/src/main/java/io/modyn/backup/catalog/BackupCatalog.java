package io.modyn.backup.catalog;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The backups of this server, in the storage keyspace {@value #KEYSPACE}, so that every node
 * sharing a database sees the same ones and they survive restarts and their tables' deletion. All
 * records are in one partition, sorted by backup id, which is creation order
 * ({@link io.modyn.backup.BackupArns}): a listing is one ordered range read.
 */
public final class BackupCatalog {

    public static final String KEYSPACE = "modyn.backups";

    private static final byte[] PARTITION = "backups".getBytes(StandardCharsets.UTF_8);
    private static final int VERSION = 1;

    private final StorageEngine storage;

    public BackupCatalog(StorageEngine storage) {
        this.storage = storage;
        storage.createKeyspace(KEYSPACE);
    }

    public StorageEngine storage() {
        return storage;
    }

    public void put(BackupRecord record) {
        try (StorageTransaction tx = storage.begin()) {
            tx.put(KEYSPACE, PARTITION, id(record.backupId()), encode(record));
            tx.commit();
        }
    }

    /** The backup of that id, or null. */
    public BackupRecord get(String backupId) {
        byte[] stored = storage.get(KEYSPACE, PARTITION, id(backupId));
        return stored == null ? null : decode(stored);
    }

    /** Removes the record; true if it was there (and this call removed it). */
    public boolean remove(String backupId) {
        try (StorageTransaction tx = storage.begin()) {
            if (tx.getForUpdate(KEYSPACE, PARTITION, id(backupId)) == null) return false;
            tx.delete(KEYSPACE, PARTITION, id(backupId));
            tx.commit();
            return true;
        }
    }

    /** Every backup after {@code exclusiveStartId} (all if null), oldest first. */
    public List<BackupRecord> after(String exclusiveStartId) {
        KeyRange range = exclusiveStartId == null ? KeyRange.all() : KeyRange.all().after(id(exclusiveStartId));
        List<BackupRecord> records = new ArrayList<>();
        try (RecordCursor cursor = storage.query(KEYSPACE, PARTITION, range, false)) {
            while (cursor.hasNext()) records.add(decode(cursor.next().value()));
        }
        return records;
    }

    private static byte[] id(String backupId) {
        return backupId.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(BackupRecord r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(r.backupId());
            out.writeUTF(r.backupArn());
            out.writeUTF(r.backupName());
            out.writeUTF(r.status());
            out.writeUTF(r.type());
            out.writeLong(r.createdAt().toEpochMilli());
            out.writeLong(r.expiresAt() == null ? -1 : r.expiresAt().toEpochMilli());
            out.writeLong(r.sizeBytes());
            out.writeUTF(r.tableName());
            out.writeUTF(r.tableId());
            out.writeUTF(r.tableArn());
            out.writeUTF(r.archiveKeyspace());
            out.writeInt(r.manifest().length);
            out.write(r.manifest());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BackupRecord decode(byte[] stored) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
            int version = in.readUnsignedByte();
            if (version != VERSION) throw new IllegalStateException("unknown backup record version " + version);
            String id = in.readUTF();
            String arn = in.readUTF();
            String name = in.readUTF();
            String status = in.readUTF();
            String type = in.readUTF();
            Instant created = Instant.ofEpochMilli(in.readLong());
            long expiry = in.readLong();
            long size = in.readLong();
            String tableName = in.readUTF();
            String tableId = in.readUTF();
            String tableArn = in.readUTF();
            String keyspace = in.readUTF();
            byte[] manifest = new byte[in.readInt()];
            in.readFully(manifest);
            return new BackupRecord(id, arn, name, status, type, created, expiry < 0 ? null : Instant.ofEpochMilli(expiry), size, tableName,
                    tableId, tableArn, keyspace, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
