package io.modyn.engine.index;

import static io.modyn.engine.index.IndexFixture.all;
import static io.modyn.engine.index.IndexFixture.defs;
import static io.modyn.engine.index.IndexFixture.include;
import static io.modyn.engine.index.IndexFixture.index;
import static io.modyn.engine.index.IndexFixture.keys;
import static io.modyn.engine.index.IndexFixture.keysOnly;
import static io.modyn.engine.index.IndexFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SecondaryIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateTable with secondary indexes: DynamoDB's validation and what DescribeTable reports. */
class IndexDefinitionsTest {

    private final IndexFixture fixture = new IndexFixture();

    @Test
    void tableWithIndexesIsDescribedWithThem() {
        fixture.create(table("things", defs("pk", "S", "sk", "S", "g", "N", "l", "S"), keys("pk", "HASH", "sk", "RANGE"),
                List.of(index("byL", keys("pk", "HASH", "l", "RANGE"), keysOnly())),
                List.of(index("byG", keys("g", "HASH"), include("a", "b")))));
        TableDescription description = fixture.describe("things");
        SecondaryIndex global = description.definition().globalSecondaryIndexes().get(0);
        assertEquals("byG", global.indexName());
        assertEquals("ACTIVE", global.indexStatus());
        assertFalse(global.backfilling());
        assertEquals(List.of("a", "b"), global.projection().nonKeyAttributes());
        assertEquals(0, global.provisionedThroughput().readCapacityUnits());
        SecondaryIndex local = description.definition().localSecondaryIndexes().get(0);
        assertEquals("byL", local.indexName());
        assertNull(local.provisionedThroughput());
        assertNotEquals(global.indexId(), local.indexId());
        assertEquals(0, description.indexStatistics().get("byG").itemCount());
    }

    @Test
    void createTableResponseReportsGlobalIndexesCreating() {
        var response = fixture.engine.createTable(table("things", defs("pk", "S", "g", "S"), keys("pk", "HASH"), null,
                List.of(index("byG", keys("g", "HASH"), all()))), IndexFixture.CONTEXT);
        assertEquals("CREATING", response.tableDescription().definition().globalSecondaryIndexes().get(0).indexStatus());
    }

    @Test
    void unusedDefinitionWithIndexesNamesDefinitionsAndKeys() {
        assertMessage("One or more parameter values were invalid: Some AttributeDefinitions are not used. "
                + "AttributeDefinitions: [pk, g, x], keys used: [pk, g]",
                table("things", defs("pk", "S", "g", "S", "x", "S"), keys("pk", "HASH"), null, List.of(index("byG", keys("g", "HASH"), all()))));
    }

    @Test
    void unusedDefinitionWithoutIndexesKeepsTheClassicMessage() {
        assertMessage("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of "
                + "attributes defined in AttributeDefinitions", table("things", defs("pk", "S", "x", "S"), keys("pk", "HASH"), null, null));
    }

    @Test
    void undefinedIndexKeyIsNamed() {
        assertMessage("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. "
                + "Keys: [g], AttributeDefinitions: [pk]",
                table("things", defs("pk", "S"), keys("pk", "HASH"), null, List.of(index("byG", keys("g", "HASH"), all()))));
    }

    @Test
    void localIndexNeedsTableRangeKey() {
        assertMessage("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when "
                + "specifying a LocalSecondaryIndex", table("things", defs("pk", "S", "l", "S"), keys("pk", "HASH"),
                List.of(index("byL", keys("pk", "HASH", "l", "RANGE"), all())), null));
    }

    @Test
    void localIndexNeedsTheTableHashKey() {
        assertMessage("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table "
                + "KeySchema for index: byL. index hash key: o, table hash key: pk",
                table("things", defs("pk", "S", "sk", "S", "o", "S", "l", "S"), keys("pk", "HASH", "sk", "RANGE"),
                        List.of(index("byL", keys("o", "HASH", "l", "RANGE"), all())), null));
    }

    @Test
    void duplicateIndexNamesAcrossKindsAreRefused() {
        assertMessage("One or more parameter values were invalid: Duplicate index name: same",
                table("things", defs("pk", "S", "sk", "S", "l", "S", "g", "S"), keys("pk", "HASH", "sk", "RANGE"),
                        List.of(index("same", keys("pk", "HASH", "l", "RANGE"), all())),
                        List.of(index("same", keys("g", "HASH"), all()))));
    }

    @Test
    void projectionRulesAreChecked() {
        assertMessage("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified",
                table("things", defs("pk", "S", "g", "S"), keys("pk", "HASH"), null,
                        List.of(index("byG", keys("g", "HASH"), new IndexProjection("INCLUDE", null)))));
        assertMessage("One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified",
                table("things", defs("pk", "S", "g", "S"), keys("pk", "HASH"), null,
                        List.of(index("byG", keys("g", "HASH"), new IndexProjection("ALL", List.of("a"))))));
    }

    @Test
    void requestShapeViolationsAreCollected() {
        assertMessage("2 validation errors detected: Value 'KEYS' at 'globalSecondaryIndexes.1.member.projection.projectionType' failed "
                + "to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]; Value 'g' at "
                + "'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3",
                table("things", defs("pk", "S", "g", "S"), keys("pk", "HASH"), null,
                        List.of(index("g", keys("g", "HASH"), new IndexProjection("KEYS", null)))));
    }

    @Test
    void moreThanTwentyGlobalIndexesAreRefused() {
        List<SecondaryIndexRequest> globals = new ArrayList<>();
        for (int i = 0; i < 21; i++) globals.add(index("index" + i, keys("g", "HASH"), all()));
        assertMessage("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20",
                table("things", defs("pk", "S", "g", "S"), keys("pk", "HASH"), null, globals));
    }

    @Test
    void moreThanFiveLocalIndexesAreRefused() {
        List<SecondaryIndexRequest> locals = new ArrayList<>();
        for (int i = 0; i < 6; i++) locals.add(index("index" + i, keys("pk", "HASH", "l", "RANGE"), all()));
        assertMessage("One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5",
                table("things", defs("pk", "S", "sk", "S", "l", "S"), keys("pk", "HASH", "sk", "RANGE"), locals, null));
    }

    @Test
    void provisionedTableNeedsIndexThroughputAndOnDemandRefusesIt() {
        ProvisionedThroughput pt = new ProvisionedThroughput(5L, 5L);
        assertMessage("One or more parameter values were invalid: ProvisionedThroughput is not specified for index: byG",
                new CreateTableRequest("things", defs("pk", "S", "g", "S"), keys("pk", "HASH"), "PROVISIONED", pt, null,
                        List.of(index("byG", keys("g", "HASH"), all())), null, null, null, null));
        assertMessage("One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: byG when "
                + "BillingMode is PAY_PER_REQUEST", table("things", defs("pk", "S", "g", "S"), keys("pk", "HASH"), null,
                List.of(new SecondaryIndexRequest("byG", keys("g", "HASH"), all(), pt))));
    }

    @Test
    void multiAttributeKeySchemasFollowTheirRules() {
        assertMessage("One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema",
                table("things", defs("pk", "S", "a", "S", "b", "S"), keys("pk", "HASH"), null,
                        List.of(index("byAB", keys("a", "HASH", "b", "RANGE", "pk", "HASH"), all()))));
        assertMessage("One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH key attributes",
                table("things", defs("pk", "S", "a", "S", "b", "S", "c", "S", "d", "S"), keys("pk", "HASH"), null,
                        List.of(index("wide", keys("a", "HASH", "b", "HASH", "c", "HASH", "d", "HASH", "pk", "HASH"), all()))));
        assertMessage("The KeySchema contains multiple key attributes with the same name",
                table("things", defs("pk", "S", "a", "S"), keys("pk", "HASH"), null,
                        List.of(index("twice", keys("a", "HASH", "pk", "RANGE", "a", "RANGE"), all()))));
    }

    @Test
    void localIndexKeySchemaIsClassic() {
        assertMessage("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
                table("things", defs("pk", "S", "sk", "S", "l", "S"), keys("pk", "HASH", "sk", "RANGE"),
                        List.of(index("byL", keys("pk", "HASH", "l", "HASH"), all())), null));
    }

    private void assertMessage(String expected, CreateTableRequest request) {
        DynamoException e = assertThrows(DynamoException.class, () -> fixture.create(request));
        assertEquals(expected, e.getMessage());
    }
}
