package io.modyn.engine.partiql;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.ExecuteStatementRequest;
import io.modyn.api.dynamodb.ExecuteStatementResponse;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.index.IndexMaintainer;
import io.modyn.engine.index.ItemCollections;
import io.modyn.engine.transaction.TransactRequests;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An engine over the in-memory storage, maintaining indexes, with two tables: {@code items} (key {@code id}) and
 * {@code music} (key {@code Artist}, {@code Song}; global index {@code byYear} on {@code Year}).
 */
final class PartiqlFixture {

    static final RequestContext CONTEXT = TransactRequests.CONTEXT;

    final DynamoDbEngine engine = TransactRequests.engine(new InMemoryStorageEngine(), new IndexMaintainer(ItemCollections.MAX_BYTES));

    PartiqlFixture() {
        TransactRequests.createTable(engine, "items");
        engine.createTable(new CreateTableRequest("music",
                List.of(new AttributeDefinition("Artist", "S"), new AttributeDefinition("Song", "S"), new AttributeDefinition("Year", "N")),
                List.of(new KeySchemaElement("Artist", "HASH"), new KeySchemaElement("Song", "RANGE")), "PAY_PER_REQUEST", null, null,
                List.of(new SecondaryIndexRequest("byYear", List.of(new KeySchemaElement("Year", "HASH")),
                        new IndexProjection(IndexProjection.ALL, null), null)),
                null, null, null, null), CONTEXT);
    }

    ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return engine.executeStatement(request(statement, parameters), CONTEXT);
    }

    ExecuteStatementResponse run(ExecuteStatementRequest request) {
        return engine.executeStatement(request, CONTEXT);
    }

    DynamoException fails(String statement, AttributeValue... parameters) {
        return assertThrows(DynamoException.class, () -> run(statement, parameters));
    }

    static ExecuteStatementRequest request(String statement, AttributeValue... parameters) {
        return new ExecuteStatementRequest(statement, parameters.length == 0 ? null : Arrays.asList(parameters), null, null, null, null, null);
    }

    Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return engine.getItem(new GetItemRequest(table, key, true, null, null, null, null), CONTEXT).item();
    }

    static Map<String, AttributeValue> item(Object... namesAndValues) {
        return TransactRequests.item(namesAndValues);
    }
}
