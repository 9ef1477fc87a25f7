package io.modyn.engine.stream;

import static io.modyn.engine.stream.StreamsFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.StreamSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StreamSpecification on CreateTable and UpdateTable, and LatestStreamArn/Label in DescribeTable. */
class StreamSettingsTest {

    private final StreamsFixture fixture = new StreamsFixture();

    @Test
    void createTableWithStreamReportsSpecLabelAndArn() {
        String arn = fixture.createTable("orders", "NEW_AND_OLD_IMAGES");
        TableDescription table = describe("orders");
        String label = table.definition().latestStreamLabel();
        assertTrue(label.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}"), label);
        assertEquals(new StreamSpecification(true, "NEW_AND_OLD_IMAGES"), table.definition().streamSpecification());
        assertEquals("arn:aws:dynamodb:eu-west-3:123456789012:table/orders/stream/" + label, table.latestStreamArn());
        assertEquals(arn, table.latestStreamArn());
    }

    @Test
    void createTableWithStreamDisabledHasNoStream() {
        fixture.engine.createTable(request("plain", new StreamSpecification(false, null)), CONTEXT);
        TableDescription table = describe("plain");
        assertNull(table.definition().streamSpecification());
        assertNull(table.latestStreamArn());
    }

    @Test
    void createTableRejectsInconsistentSpecifications() {
        assertEquals("One or more parameter values were invalid: Table is being created with a stream enabled, UpdateViewType is required",
                createFails(new StreamSpecification(true, null)));
        assertEquals("One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not "
                + "be specified", createFails(new StreamSpecification(false, "NEW_IMAGE")));
        assertEquals("1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: "
                + "Member must not be null", createFails(new StreamSpecification(null, "NEW_IMAGE")));
        assertEquals("1 validation error detected: Value 'new_image' at 'streamSpecification.streamViewType' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]",
                createFails(new StreamSpecification(true, "new_image")));
    }

    @Test
    void enablingAnEnabledStreamFailsEvenWithAnotherViewType() {
        fixture.createTable("orders", "KEYS_ONLY");
        assertEquals("Table already has an enabled stream: TableName: orders", updateFails("orders", new StreamSpecification(true, "KEYS_ONLY")));
        assertEquals("Table already has an enabled stream: TableName: orders", updateFails("orders", new StreamSpecification(true, "NEW_IMAGE")));
    }

    @Test
    void updateTableChecksTheSpecificationBeforeTheState() {
        fixture.createTable("orders", "KEYS_ONLY");
        assertEquals("One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required",
                updateFails("orders", new StreamSpecification(true, null)));
        assertEquals("One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified",
                updateFails("orders", new StreamSpecification(false, "KEYS_ONLY")));
    }

    @Test
    void disablingWithoutAStreamFails() {
        fixture.createTable("plain", null);
        assertEquals("Table has no stream to disable: TableName: plain", updateFails("plain", new StreamSpecification(false, null)));
    }

    @Test
    void disablingKeepsTheLatestStreamArnAndEnablingAgainMakesANewStream() {
        String first = fixture.createTable("orders", "KEYS_ONLY");
        assertEquals(first, fixture.updateStream("orders", new StreamSpecification(false, null)));
        TableDescription disabled = describe("orders");
        assertNull(disabled.definition().streamSpecification());
        assertEquals(first, disabled.latestStreamArn());
        assertEquals("Table has no stream to disable: TableName: orders", updateFails("orders", new StreamSpecification(false, null)));

        String second = fixture.updateStream("orders", new StreamSpecification(true, "NEW_IMAGE"));
        assertNotEquals(first, second);
        assertTrue(second.compareTo(first) > 0, "labels grow with time");
        assertEquals(new StreamSpecification(true, "NEW_IMAGE"), describe("orders").definition().streamSpecification());
    }

    @Test
    void labelsOfOneTableNeverRepeatWithinAMillisecond() {
        String label = StreamLabels.next(null, java.time.Instant.parse("2026-11-21T11:22:33.444Z"));
        assertEquals("2026-11-21T11:22:33.444", label);
        assertEquals("2026-11-21T11:22:33.445", StreamLabels.next(label, java.time.Instant.parse("2026-11-21T11:22:33.444999Z")));
    }

    private TableDescription describe(String table) {
        return fixture.engine.describeTable(new DescribeTableRequest(table), CONTEXT).table();
    }

    private String createFails(StreamSpecification spec) {
        return assertThrows(DynamoException.class, () -> fixture.engine.createTable(request("failing", spec), CONTEXT)).getMessage();
    }

    private String updateFails(String table, StreamSpecification spec) {
        return assertThrows(DynamoException.class, () -> fixture.updateStream(table, spec)).getMessage();
    }

    private static CreateTableRequest request(String name, StreamSpecification spec) {
        return new CreateTableRequest(name, List.of(new AttributeDefinition("id", "S")), List.of(new KeySchemaElement("id", "HASH")),
                "PAY_PER_REQUEST", null, null, null, spec, null, null, null);
    }
}
