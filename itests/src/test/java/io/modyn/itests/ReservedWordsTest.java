package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every word of DynamoDB's reserved-word list (developer guide, "Reserved words in DynamoDB",
 * copied to {@code dynamodb-reserved-words.txt}) is refused as a bare attribute name, whatever its
 * case, and usable through a {@code #name} placeholder. The operators of the grammar itself (AND,
 * BETWEEN, IN, NOT, OR) are left out: as a name they are a syntax error first.
 */
@ExtendWith(SharedModynServer.class)
class ReservedWordsTest {

    private static final Set<String> GRAMMAR_KEYWORDS = Set.of("AND", "BETWEEN", "IN", "NOT", "OR");

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashTable(dynamo, "reserved", ScalarAttributeType.S);
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("k"), "status", s("s"), "name", s("n"),
                "date", s("d"), "data", s("x"))));
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    static List<String> reservedWords() {
        try (InputStream in = ReservedWordsTest.class.getResourceAsStream("/dynamodb-reserved-words.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .filter(word -> !GRAMMAR_KEYWORDS.contains(word))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theListIsTheWholeList() {
        assertEquals(573 - GRAMMAR_KEYWORDS.size(), reservedWords().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reservedWords")
    void reservedWordIsRefusedAsAName(String word) {
        String lower = word.toLowerCase(Locale.ROOT);

        assertValidationError("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: " + word,
                () -> dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s("k"))).projectionExpression(word)));
        assertValidationError("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: " + lower,
                () -> dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s("k"))).projectionExpression("pk, " + lower)));
    }

    @Test
    void reservedWordsAreUsableThroughPlaceholders() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String word : List.of("status", "name", "date", "data")) names.put("#" + word, word);

        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s("k")))
                .projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names)).item();

        assertEquals(Map.of("status", s("s"), "name", s("n"), "date", s("d"), "data", s("x")), item);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pk", "statuses", "named", "datum", "size_", "a1", "Z"})
    void wordsOutsideTheListAreNames(String word) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s("k")))
                .projectionExpression(word)).item();

        assertEquals(word.equals("pk") ? Map.of("pk", s("k")) : Map.of(), item == null ? Map.of() : item,
                () -> "projection " + word + " answered " + item);
    }
}
