package io.modyn.engine.catalog;

import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.SseDescription;
import io.modyn.api.model.TableDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The manifest of a table archive, which its keeper stores beside the archive's keyspace: the
 * table's definition (in the catalog's own form), ARN, item count and size, and KMS key when the
 * archive was made, and the instant it was made at. The definition's table id says whose keys
 * open the archived items, and its data keyspace name is what their seals are bound to.
 */
public final class ArchiveManifest {

    private static final int VERSION = 1;

    /** A decoded manifest. */
    public record Content(TableDescription source, Instant archivedAt) {
    }

    private ArchiveManifest() {
    }

    public static byte[] encode(TableDescription source, Instant archivedAt) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            byte[] definition = TableDefinitionCodec.encode(source.definition());
            out.writeInt(definition.length);
            out.write(definition);
            out.writeUTF(source.tableArn());
            out.writeLong(source.itemCount());
            out.writeLong(source.tableSizeBytes());
            SseDescription sse = source.sseDescription();
            out.writeBoolean(sse != null);
            if (sse != null) {
                out.writeUTF(sse.status());
                out.writeUTF(sse.sseType());
                out.writeUTF(sse.kmsMasterKeyArn());
            }
            out.writeLong(archivedAt.getEpochSecond());
            out.writeInt(archivedAt.getNano());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Content decode(byte[] manifest) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(manifest));
            int version = in.readUnsignedByte();
            if (version != VERSION) throw new IllegalStateException("unknown archive manifest version " + version);
            byte[] definitionBytes = new byte[in.readInt()];
            in.readFully(definitionBytes);
            TableDefinition definition = TableDefinitionCodec.decode(definitionBytes);
            String arn = in.readUTF();
            long itemCount = in.readLong();
            long size = in.readLong();
            SseDescription sse = in.readBoolean() ? new SseDescription(in.readUTF(), in.readUTF(), in.readUTF(), null) : null;
            Instant archivedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return new Content(new TableDescription(definition, arn, itemCount, size, null, null, sse), archivedAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
