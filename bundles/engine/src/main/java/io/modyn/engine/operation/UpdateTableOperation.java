package io.modyn.engine.operation;

import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTableResponse;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.encryption.KeyRing;
import io.modyn.engine.encryption.SseSpecifications;
import io.modyn.engine.encryption.TableKeys;
import io.modyn.engine.control.TableOptions;
import io.modyn.engine.index.GlobalIndexUpdates;
import io.modyn.engine.index.IndexBackfiller;
import io.modyn.engine.stream.StreamSettings;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;

/**
 * UpdateTable: billing mode, provisioned throughput and global secondary indexes. Changes apply
 * at once, except that a created index is CREATING until its backfill ends; the response reports
 * UPDATING as DynamoDB's does and DescribeTable reports ACTIVE.
 */
public final class UpdateTableOperation {

    private final EngineSettings settings;

    public UpdateTableOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public UpdateTableResponse execute(UpdateTableRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = RequestRules.tableOperationName(request.tableName());
        v.oneOf("billingMode", request.billingMode(), Enums.BILLING_MODE);
        ProvisionedThroughput pt = request.provisionedThroughput();
        if (pt != null) {
            v.notNull("provisionedThroughput.writeCapacityUnits", pt.writeCapacityUnits());
            v.atLeast("provisionedThroughput.writeCapacityUnits", pt.writeCapacityUnits(), 1);
            v.notNull("provisionedThroughput.readCapacityUnits", pt.readCapacityUnits());
            v.atLeast("provisionedThroughput.readCapacityUnits", pt.readCapacityUnits(), 1);
        }
        GlobalIndexUpdates.collect(v, request.globalSecondaryIndexUpdates());
        v.throwIfAny();
        if (request.billingMode() == null && pt == null && request.globalSecondaryIndexUpdates() == null
                && request.streamSpecification() == null && request.deletionProtectionEnabled() == null && request.tableClass() == null
                && request.sseSpecification() == null) {
            throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        onlyChange("DeletionProtection", request.deletionProtectionEnabled(), request);
        onlyChange("TableClass", request.tableClass(), request);
        SseSpecifications.Choice encryption = SseSpecifications.choose(request.sseSpecification());
        if (encryption != null) {
            long changes = Stream.of(request.billingMode(), request.provisionedThroughput(), request.globalSecondaryIndexUpdates(),
                    request.streamSpecification(), request.deletionProtectionEnabled(), request.tableClass()).filter(Objects::nonNull).count();
            if (changes > 0) {
                throw DynamoException.validation("One or more parameter values were invalid: "
                        + "Server-Side Encryption modification must be the only operation in the request");
            }
        }
        access.require(arns -> ControlPlaneAccess.updateTable(arns, request.tableName()));
        TableDefinition table = bound.catalog().requireForControl(request.tableName());
        if (encryption != null) return changeEncryption(table, encryption, bound, access);
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
        GlobalIndexUpdates.Result indexes = GlobalIndexUpdates.apply(table, request, targetMode, pt != null, now);
        TableDefinition updated = indexes.table().toBuilder().billingModeSummary(billing).provisionedThroughput(throughput)
                .tableStatus(TableDefinition.ACTIVE).build();
        updated = StreamSettings.forUpdate(updated, request.streamSpecification());
        updated = TableOptions.forUpdate(updated, request);
        update(table, updated, indexes, bound);
        UpdateTableResponse response = new UpdateTableResponse(
                TableDescriptions.describe(withDeleting(updated, indexes.deleted()), TableDefinition.UPDATING, bound, settings));
        indexes.deleted().forEach(index -> bound.storage().dropKeyspace(TableCatalog.indexKeyspace(index)));
        return response;
    }

    /**
     * Moves the table to the key asked for: its data keys are re-wrapped under it (nothing stored is
     * rewritten, old items stay readable) and new writes use a new data key version. Going back to
     * the owned key keeps the values sealed, under the owned key.
     */
    private UpdateTableResponse changeEncryption(TableDefinition table, SseSpecifications.Choice encryption, StorageBinding.Bound bound,
            AccessCheck access) {
        KeyRing ring = bound.keys().ring(table.tableId());
        if (encryption.mode() == KeyRing.Mode.OWNED) {
            if (ring != null && ring.mode() != KeyRing.Mode.OWNED) {
                bound.keys().changeMasterKey(table.tableId(), KeyRing.Mode.OWNED, TableKeys.AWS_MANAGED_KEY, null);
            }
        } else {
            bound.keys().changeMasterKey(table.tableId(), encryption.mode(), encryption.masterKeyId(), access.context());
        }
        return new UpdateTableResponse(TableDescriptions.withSseUpdating(TableDescriptions.describe(table, table.tableStatus(), bound, settings)));
    }

    /**
     * Records the new definition. A created index's keyspace exists before any write can know the
     * index, and its backfill starts once the definition is stored; a deleted index's keyspace is
     * dropped after the response is described, which still reports the index (DELETING).
     */
    private static void update(TableDefinition base, TableDefinition updated, GlobalIndexUpdates.Result indexes,
            StorageBinding.Bound bound) {
        indexes.created().forEach(index -> bound.storage().createKeyspace(TableCatalog.indexKeyspace(index)));
        try {
            bound.catalog().update(base, updated);
        } catch (RuntimeException e) {
            indexes.created().forEach(index -> bound.storage().dropKeyspace(TableCatalog.indexKeyspace(index)));
            throw e;
        }
        if (!indexes.created().isEmpty()) IndexBackfiller.shared().resume(bound, updated);
    }

    /** The table as the response describes it: deleted global indexes still listed, as DELETING. */
    private static TableDefinition withDeleting(TableDefinition table, List<SecondaryIndex> deleted) {
        if (deleted.isEmpty()) return table;
        List<SecondaryIndex> globals = new ArrayList<>(table.globalSecondaryIndexes());
        for (SecondaryIndex index : deleted) {
            globals.add(new SecondaryIndex(index.indexName(), index.indexId(), index.keySchema(), index.projection(),
                    index.provisionedThroughput(), "DELETING", false));
        }
        return table.toBuilder().globalSecondaryIndexes(globals).build();
    }

    /** DynamoDB changes deletion protection and table class only in a request that changes nothing else. */
    private static void onlyChange(String what, Object value, UpdateTableRequest request) {
        if (value == null) return;
        long changes = Stream.of(request.billingMode(), request.provisionedThroughput(), request.globalSecondaryIndexUpdates(),
                request.streamSpecification(), request.deletionProtectionEnabled(), request.tableClass()).filter(Objects::nonNull).count();
        if (changes > 1) {
            throw DynamoException.validation("One or more parameter values were invalid: " + what
                    + " modification must be the only operation in the request");
        }
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
