package io.modyn.engine.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TimeToLiveSpecification;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveResponse;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TimeToLiveDescription;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UpdateTimeToLive and DescribeTimeToLive, with DynamoDB's messages. */
class TimeToLiveOperationsTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);

    private DynamoDbEngine engine;

    @BeforeEach
    void createTable() {
        StorageBinding storage = new StorageBinding();
        storage.bind(new InMemoryStorageEngine());
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
        engine.createTable(new CreateTableRequest("sessions", List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")), "PAY_PER_REQUEST", null), CONTEXT);
    }

    @Test
    void newTableIsDisabledWithoutAttributeName() {
        assertEquals(new TimeToLiveDescription("DISABLED", null), describe());
    }

    @Test
    void enablingAnswersTheSpecificationAndDescribeReportsIt() {
        var response = update(true, "expires");
        assertEquals(new TimeToLiveSpecification(true, "expires"), response.timeToLiveSpecification());
        assertEquals(new TimeToLiveDescription("ENABLED", "expires"), describe());
    }

    @Test
    void enablingAnEnabledTableIsRefused() {
        update(true, "expires");
        assertValidation("TimeToLive is already enabled", () -> update(true, "expires"));
        assertValidation("TimeToLive is active on a different AttributeName: current AttributeName is expires", () -> update(true, "other"));
        assertEquals(new TimeToLiveDescription("ENABLED", "expires"), describe());
    }

    @Test
    void disablingForgetsTheAttribute() {
        update(true, "expires");
        var response = update(false, "expires");
        assertEquals(new TimeToLiveSpecification(false, "expires"), response.timeToLiveSpecification());
        assertEquals(new TimeToLiveDescription("DISABLED", null), describe());
    }

    @Test
    void disablingNeedsTheCurrentAttribute() {
        update(true, "expires");
        assertValidation("TimeToLive is active on a different AttributeName: current AttributeName is expires", () -> update(false, "dog"));
        assertEquals(new TimeToLiveDescription("ENABLED", "expires"), describe());
    }

    @Test
    void disablingADisabledTableIsRefused() {
        assertValidation("TimeToLive is already disabled", () -> update(false, "expires"));
    }

    @Test
    void theAttributeCanBeChangedByDisablingFirst() {
        update(true, "expires");
        update(false, "expires");
        update(true, "until");
        assertEquals(new TimeToLiveDescription("ENABLED", "until"), describe());
    }

    @Test
    void specificationMembersAreRequired() {
        assertValidation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: "
                + "Member must not be null", () -> engine.updateTimeToLive(new UpdateTimeToLiveRequest("sessions", null), CONTEXT));
        assertValidation("2 validation errors detected: "
                + "Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null",
                () -> update(null, null));
    }

    @Test
    void attributeNameLengthIsChecked() {
        assertValidation("1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", () -> update(true, ""));
        String tooLong = "x".repeat(256);
        assertValidation("1 validation error detected: Value '" + tooLong + "' at 'timeToLiveSpecification.attributeName' "
                + "failed to satisfy constraint: Member must have length less than or equal to 255", () -> update(true, tooLong));
        update(true, "x".repeat(255));
    }

    @Test
    void unknownTableIsNotFound() {
        DynamoException e = assertThrows(DynamoException.class, () -> engine.updateTimeToLive(
                new UpdateTimeToLiveRequest("nothing", new TimeToLiveSpecification(true, "expires")), CONTEXT));
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, e.type());
        assertEquals("Requested resource not found: Table: nothing not found", e.getMessage());
        e = assertThrows(DynamoException.class, () -> engine.describeTimeToLive(new DescribeTimeToLiveRequest("nothing"), CONTEXT));
        assertEquals("Requested resource not found: Table: nothing not found", e.getMessage());
    }

    @Test
    void specificationIsValidatedBeforeTheTableIsLookedUp() {
        assertValidation("1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: "
                + "Member must not be null", () -> engine.updateTimeToLive(
                        new UpdateTimeToLiveRequest("nothing", new TimeToLiveSpecification(true, null)), CONTEXT));
    }

    private UpdateTimeToLiveResponse update(Boolean enabled, String attribute) {
        return engine.updateTimeToLive(new UpdateTimeToLiveRequest("sessions", new TimeToLiveSpecification(enabled, attribute)), CONTEXT);
    }

    private TimeToLiveDescription describe() {
        return engine.describeTimeToLive(new DescribeTimeToLiveRequest("sessions"), CONTEXT).timeToLiveDescription();
    }

    private static void assertValidation(String message, Runnable call) {
        DynamoException e = assertThrows(DynamoException.class, call::run);
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(message, e.getMessage());
    }
}
