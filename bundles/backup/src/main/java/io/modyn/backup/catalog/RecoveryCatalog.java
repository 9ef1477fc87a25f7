package io.modyn.backup.catalog;

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

/** The tables with point-in-time recovery, in keyspace {@value #KEYSPACE}, one record per table name. */
public final class RecoveryCatalog {

    public static final String KEYSPACE = "modyn.pitr";
    private static final byte[] NO_SORT = new byte[0];
    private static final int VERSION = 1;

    private final StorageEngine storage;

    public RecoveryCatalog(StorageEngine storage) {
        this.storage = storage;
        storage.createKeyspace(KEYSPACE);
    }

    public RecoveryState get(String tableName) {
        byte[] stored = storage.get(KEYSPACE, name(tableName), NO_SORT);
        return stored == null ? null : decode(stored);
    }

    public void put(RecoveryState state) {
        try (StorageTransaction tx = storage.begin()) {
            tx.put(KEYSPACE, name(state.tableName()), NO_SORT, encode(state));
            tx.commit();
        }
    }

    public void remove(String tableName) {
        try (StorageTransaction tx = storage.begin()) {
            tx.delete(KEYSPACE, name(tableName), NO_SORT);
            tx.commit();
        }
    }

    private static byte[] name(String tableName) {
        return tableName.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(RecoveryState s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(s.tableName());
            out.writeUTF(s.tableId());
            out.writeUTF(s.tableArn());
            out.writeLong(s.enabledAt().toEpochMilli());
            out.writeInt(s.recoveryPeriodInDays());
            out.writeUTF(s.baseKeyspace());
            out.writeInt(s.manifest().length);
            out.write(s.manifest());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecoveryState decode(byte[] stored) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
            if (in.readUnsignedByte() != VERSION) throw new IllegalStateException("unknown recovery state version");
            String name = in.readUTF();
            String id = in.readUTF();
            String arn = in.readUTF();
            Instant enabledAt = Instant.ofEpochMilli(in.readLong());
            int days = in.readInt();
            String base = in.readUTF();
            byte[] manifest = new byte[in.readInt()];
            in.readFully(manifest);
            return new RecoveryState(name, id, arn, enabledAt, days, base, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
