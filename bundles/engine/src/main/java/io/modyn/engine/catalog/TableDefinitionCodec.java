package io.modyn.engine.catalog;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.RestoreSummary;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.model.TimeToLiveDescription;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a table definition in the catalog keyspace. Versioned: version 1 held the
 * members of the first release; version 2 adds indexes, stream, TTL, deletion protection and
 * table class. Both are read; version 2 is written. Optional sections follow the version 2 members,
 * each a tag byte and its members: a restored table's restore summary (1), change capture on (2);
 * definitions written before have none.
 */
final class TableDefinitionCodec {

    private static final int VERSION = 2;
    private static final int RESTORE_SUMMARY = 1;
    private static final int CHANGE_CAPTURE = 2;

    private TableDefinitionCodec() {
    }

    static byte[] encode(TableDefinition t) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(t.tableName());
            out.writeUTF(t.tableId());
            writeKeySchema(out, t.keySchema());
            out.writeShort(t.attributeDefinitions().size());
            for (AttributeDefinition d : t.attributeDefinitions()) {
                out.writeUTF(d.attributeName());
                out.writeUTF(d.attributeType());
            }
            out.writeBoolean(t.billingModeSummary() != null);
            if (t.billingModeSummary() != null) {
                out.writeUTF(t.billingModeSummary().billingMode());
                writeInstant(out, t.billingModeSummary().lastUpdateToPayPerRequestDateTime());
            }
            writeThroughput(out, t.provisionedThroughput());
            writeInstant(out, t.creationDateTime());
            out.writeUTF(t.tableStatus());
            writeIndexes(out, t.globalSecondaryIndexes());
            writeIndexes(out, t.localSecondaryIndexes());
            out.writeBoolean(t.streamSpecification() != null);
            if (t.streamSpecification() != null) {
                writeNullable(out, t.streamSpecification().streamEnabled() == null ? null : t.streamSpecification().streamEnabled().toString());
                writeNullable(out, t.streamSpecification().streamViewType());
            }
            writeNullable(out, t.latestStreamLabel());
            out.writeUTF(t.timeToLive().timeToLiveStatus());
            writeNullable(out, t.timeToLive().attributeName());
            out.writeBoolean(t.deletionProtectionEnabled());
            writeNullable(out, t.tableClass());
            if (t.restoreSummary() != null) {
                RestoreSummary r = t.restoreSummary();
                out.writeByte(RESTORE_SUMMARY);
                writeNullable(out, r.sourceBackupArn());
                writeNullable(out, r.sourceTableArn());
                writeInstant(out, r.restoreDateTime());
                out.writeBoolean(r.restoreInProgress());
            }
            if (t.changeCaptureEnabled()) out.writeByte(CHANGE_CAPTURE);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TableDefinition decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int version = in.readUnsignedByte();
            if (version != 1 && version != VERSION) throw new IllegalStateException("unknown table definition version " + version);
            TableDefinition.Builder b = TableDefinition.builder().tableName(in.readUTF()).tableId(in.readUTF()).keySchema(readKeySchema(in));
            List<AttributeDefinition> definitions = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) definitions.add(new AttributeDefinition(in.readUTF(), in.readUTF()));
            b.attributeDefinitions(definitions);
            if (in.readBoolean()) b.billingModeSummary(new BillingModeSummary(in.readUTF(), readInstant(in)));
            b.provisionedThroughput(readThroughput(in)).creationDateTime(readInstant(in)).tableStatus(in.readUTF());
            if (version == 1) return b.build();
            b.globalSecondaryIndexes(readIndexes(in)).localSecondaryIndexes(readIndexes(in));
            if (in.readBoolean()) {
                String enabled = readNullable(in);
                b.streamSpecification(new StreamSpecification(enabled == null ? null : Boolean.valueOf(enabled), readNullable(in)));
            }
            b.latestStreamLabel(readNullable(in));
            b.timeToLive(new TimeToLiveDescription(in.readUTF(), readNullable(in)));
            b.deletionProtectionEnabled(in.readBoolean());
            b.tableClass(readNullable(in));
            while (in.available() > 0) {
                int section = in.readUnsignedByte();
                if (section == RESTORE_SUMMARY) {
                    b.restoreSummary(new RestoreSummary(readNullable(in), readNullable(in), readInstant(in), in.readBoolean()));
                } else if (section == CHANGE_CAPTURE) {
                    b.changeCaptureEnabled(true);
                } else {
                    throw new IllegalStateException("unknown table definition section " + section);
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeKeySchema(DataOutputStream out, List<KeySchemaElement> keySchema) throws IOException {
        out.writeShort(keySchema.size());
        for (KeySchemaElement k : keySchema) {
            out.writeUTF(k.attributeName());
            out.writeUTF(k.keyType());
        }
    }

    private static List<KeySchemaElement> readKeySchema(DataInputStream in) throws IOException {
        List<KeySchemaElement> keySchema = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) keySchema.add(new KeySchemaElement(in.readUTF(), in.readUTF()));
        return keySchema;
    }

    private static void writeIndexes(DataOutputStream out, List<SecondaryIndex> indexes) throws IOException {
        out.writeShort(indexes.size());
        for (SecondaryIndex index : indexes) {
            out.writeUTF(index.indexName());
            out.writeUTF(index.indexId());
            writeKeySchema(out, index.keySchema());
            out.writeUTF(index.projection().projectionType());
            List<String> nonKey = index.projection().nonKeyAttributes();
            out.writeShort(nonKey == null ? -1 : nonKey.size());
            if (nonKey != null) for (String name : nonKey) out.writeUTF(name);
            out.writeBoolean(index.provisionedThroughput() != null);
            if (index.provisionedThroughput() != null) writeThroughput(out, index.provisionedThroughput());
            out.writeUTF(index.indexStatus());
            out.writeBoolean(index.backfilling());
        }
    }

    private static List<SecondaryIndex> readIndexes(DataInputStream in) throws IOException {
        List<SecondaryIndex> indexes = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            String name = in.readUTF();
            String id = in.readUTF();
            List<KeySchemaElement> keySchema = readKeySchema(in);
            String projectionType = in.readUTF();
            int nonKeyCount = in.readShort();
            List<String> nonKey = null;
            if (nonKeyCount >= 0) {
                nonKey = new ArrayList<>();
                for (int n = 0; n < nonKeyCount; n++) nonKey.add(in.readUTF());
            }
            ProvisionedThroughputDescription throughput = in.readBoolean() ? readThroughput(in) : null;
            indexes.add(new SecondaryIndex(name, id, keySchema, new IndexProjection(projectionType, nonKey), throughput, in.readUTF(),
                    in.readBoolean()));
        }
        return indexes;
    }

    private static void writeThroughput(DataOutputStream out, ProvisionedThroughputDescription p) throws IOException {
        writeInstant(out, p.lastIncreaseDateTime());
        writeInstant(out, p.lastDecreaseDateTime());
        out.writeLong(p.numberOfDecreasesToday());
        out.writeLong(p.readCapacityUnits());
        out.writeLong(p.writeCapacityUnits());
    }

    private static ProvisionedThroughputDescription readThroughput(DataInputStream in) throws IOException {
        return new ProvisionedThroughputDescription(readInstant(in), readInstant(in), in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) out.writeUTF(value);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
