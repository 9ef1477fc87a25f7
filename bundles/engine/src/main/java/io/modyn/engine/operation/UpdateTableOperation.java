package io.modyn.engine.operation;

import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTableResponse;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * UpdateTable: billing mode and provisioned throughput. Changes apply at once; the response
 * reports UPDATING as DynamoDB's does and DescribeTable reports ACTIVE.
 */
public final class UpdateTableOperation {

    private final EngineSettings settings;

    public UpdateTableOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public UpdateTableResponse execute(UpdateTableRequest request, StorageBinding.Bound bound) {
        ConstraintViolations v = RequestRules.tableName(request.tableName());
        v.oneOf("billingMode", request.billingMode(), Enums.BILLING_MODE);
        ProvisionedThroughput pt = request.provisionedThroughput();
        if (pt != null) {
            v.notNull("provisionedThroughput.writeCapacityUnits", pt.writeCapacityUnits());
            v.atLeast("provisionedThroughput.writeCapacityUnits", pt.writeCapacityUnits(), 1);
            v.notNull("provisionedThroughput.readCapacityUnits", pt.readCapacityUnits());
            v.atLeast("provisionedThroughput.readCapacityUnits", pt.readCapacityUnits(), 1);
        }
        v.throwIfAny();
        if (request.billingMode() == null && pt == null) {
            throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        TableDefinition table = bound.catalog().requireForControl(request.tableName());
        String targetMode = request.billingMode() == null ? table.billingMode() : request.billingMode();
        Instant now = Instant.now();
        BillingModeSummary billing = table.billingModeSummary();
        ProvisionedThroughputDescription throughput = table.provisionedThroughput();

        if (BillingModeSummary.PAY_PER_REQUEST.equals(targetMode)) {
            if (pt != null) {
                throw DynamoException.validation("One or more parameter values were invalid: "
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            if (!targetMode.equals(table.billingMode())) {
                billing = new BillingModeSummary(BillingModeSummary.PAY_PER_REQUEST, now);
                throughput = new ProvisionedThroughputDescription(throughput.lastIncreaseDateTime(), throughput.lastDecreaseDateTime(),
                        throughput.numberOfDecreasesToday(), 0, 0);
            }
        } else {
            boolean switching = !targetMode.equals(table.billingMode());
            if (switching && pt == null) {
                throw DynamoException.validation("One or more parameter values were invalid: "
                        + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
            }
            if (switching) {
                billing = new BillingModeSummary(BillingModeSummary.PROVISIONED, billing == null ? null : billing.lastUpdateToPayPerRequestDateTime());
                throughput = new ProvisionedThroughputDescription(throughput.lastIncreaseDateTime(), throughput.lastDecreaseDateTime(),
                        throughput.numberOfDecreasesToday(), pt.readCapacityUnits(), pt.writeCapacityUnits());
            } else if (pt != null) {
                throughput = changeThroughput(throughput, pt, now);
            }
        }
        TableDefinition updated = new TableDefinition(table.tableName(), table.tableId(), table.keySchema(), table.attributeDefinitions(),
                billing, throughput, table.creationDateTime(), TableDefinition.ACTIVE);
        bound.catalog().update(updated);
        return new UpdateTableResponse(TableDescriptions.describe(updated, TableDefinition.UPDATING, bound, settings));
    }

    private static ProvisionedThroughputDescription changeThroughput(ProvisionedThroughputDescription current, ProvisionedThroughput pt,
            Instant now) {
        long read = pt.readCapacityUnits();
        long write = pt.writeCapacityUnits();
        if (read == current.readCapacityUnits() && write == current.writeCapacityUnits()) {
            throw DynamoException.validation("The provisioned throughput for the table will not change. The requested value equals the "
                    + "current value. Current ReadCapacityUnits provisioned for the table: " + current.readCapacityUnits()
                    + ". Requested ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for the table: "
                    + current.writeCapacityUnits() + ". Requested WriteCapacityUnits: " + write
                    + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        boolean increase = read > current.readCapacityUnits() || write > current.writeCapacityUnits();
        boolean decrease = read < current.readCapacityUnits() || write < current.writeCapacityUnits();
        Instant lastDecrease = current.lastDecreaseDateTime();
        long decreasesToday = current.numberOfDecreasesToday();
        if (decrease) {
            boolean sameDay = lastDecrease != null
                    && lastDecrease.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
            decreasesToday = sameDay ? decreasesToday + 1 : 1;
            lastDecrease = now;
        }
        return new ProvisionedThroughputDescription(increase ? now : current.lastIncreaseDateTime(), lastDecrease, decreasesToday,
                read, write);
    }
}
