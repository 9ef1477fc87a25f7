package io.modyn.engine.catalog;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.TableDefinition;
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
 * The stored form of a table definition in the catalog keyspace. Versioned so that later
 * releases can add members (indexes, streams, TTL) and still read definitions written before.
 */
final class TableDefinitionCodec {

    private static final int VERSION = 1;

    private TableDefinitionCodec() {
    }

    static byte[] encode(TableDefinition t) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(t.tableName());
            out.writeUTF(t.tableId());
            out.writeShort(t.keySchema().size());
            for (KeySchemaElement k : t.keySchema()) {
                out.writeUTF(k.attributeName());
                out.writeUTF(k.keyType());
            }
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
            ProvisionedThroughputDescription p = t.provisionedThroughput();
            writeInstant(out, p.lastIncreaseDateTime());
            writeInstant(out, p.lastDecreaseDateTime());
            out.writeLong(p.numberOfDecreasesToday());
            out.writeLong(p.readCapacityUnits());
            out.writeLong(p.writeCapacityUnits());
            writeInstant(out, t.creationDateTime());
            out.writeUTF(t.tableStatus());
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
            if (version != VERSION) throw new IllegalStateException("unknown table definition version " + version);
            String name = in.readUTF();
            String id = in.readUTF();
            List<KeySchemaElement> keySchema = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) keySchema.add(new KeySchemaElement(in.readUTF(), in.readUTF()));
            List<AttributeDefinition> definitions = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) definitions.add(new AttributeDefinition(in.readUTF(), in.readUTF()));
            BillingModeSummary billing = in.readBoolean() ? new BillingModeSummary(in.readUTF(), readInstant(in)) : null;
            ProvisionedThroughputDescription throughput = new ProvisionedThroughputDescription(
                    readInstant(in), readInstant(in), in.readLong(), in.readLong(), in.readLong());
            Instant created = readInstant(in);
            String status = in.readUTF();
            return new TableDefinition(name, id, keySchema, definitions, billing, throughput, created, status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
