package io.modyn.backup;

import io.modyn.api.auth.Authorizer;
import io.modyn.api.backup.ContinuousBackupsDescription;
import io.modyn.api.backup.CreateBackupRequest;
import io.modyn.api.backup.CreateBackupResponse;
import io.modyn.api.backup.DeleteBackupRequest;
import io.modyn.api.backup.DeleteBackupResponse;
import io.modyn.api.backup.DescribeBackupRequest;
import io.modyn.api.backup.DescribeBackupResponse;
import io.modyn.api.backup.DescribeContinuousBackupsRequest;
import io.modyn.api.backup.DynamoDbBackupService;
import io.modyn.api.backup.ListBackupsRequest;
import io.modyn.api.backup.ListBackupsResponse;
import io.modyn.api.backup.RestoreTableFromBackupRequest;
import io.modyn.api.backup.RestoreTableResponse;
import io.modyn.api.backup.RestoreTableToPointInTimeRequest;
import io.modyn.api.backup.UpdateContinuousBackupsRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.api.tables.ChangeCapture;
import io.modyn.api.tables.TableArchives;
import io.modyn.backup.catalog.BackupCatalog;
import java.util.function.Supplier;

/**
 * The backup API over a storage backend (the catalog) and the engine's table archives (the data).
 * Plain Java; {@link BackupComponent} wires it into OSGi. Storage failures become DynamoDB's
 * errors as the engine makes them: retryable ones a 503 the SDKs retry, others an internal error.
 */
public final class BackupService implements DynamoDbBackupService {

    private final OnDemandBackups onDemand;
    private final ContinuousBackups continuous;

    public BackupService(StorageEngine storage, TableArchives archives, BackupArns arns, Supplier<Authorizer> authorizer) {
        BackupAccess access = new BackupAccess(authorizer);
        this.onDemand = new OnDemandBackups(new BackupCatalog(storage), archives, arns, access);
        this.continuous = new ContinuousBackups(storage, archives, arns, access, onDemand);
    }

    /** What the engine passes item changes of tables with point-in-time recovery to. */
    public ChangeCapture changeCapture() {
        return continuous.history();
    }

    @Override
    public CreateBackupResponse createBackup(CreateBackupRequest request, RequestContext context) {
        return run(() -> onDemand.create(request, context));
    }

    @Override
    public DescribeBackupResponse describeBackup(DescribeBackupRequest request, RequestContext context) {
        return run(() -> onDemand.describe(request, context));
    }

    @Override
    public ListBackupsResponse listBackups(ListBackupsRequest request, RequestContext context) {
        return run(() -> onDemand.list(request, context));
    }

    @Override
    public DeleteBackupResponse deleteBackup(DeleteBackupRequest request, RequestContext context) {
        return run(() -> onDemand.delete(request, context));
    }

    @Override
    public RestoreTableResponse restoreTableFromBackup(RestoreTableFromBackupRequest request, RequestContext context) {
        return run(() -> onDemand.restore(request, context));
    }

    @Override
    public ContinuousBackupsDescription updateContinuousBackups(UpdateContinuousBackupsRequest request, RequestContext context) {
        return run(() -> continuous.update(request, context));
    }

    @Override
    public ContinuousBackupsDescription describeContinuousBackups(DescribeContinuousBackupsRequest request, RequestContext context) {
        return run(() -> continuous.describe(request, context));
    }

    @Override
    public RestoreTableResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request, RequestContext context) {
        return run(() -> continuous.restore(request, context));
    }

    private static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (DynamoException e) {
            throw e;
        } catch (StorageException e) {
            if (e.retryable()) throw new DynamoException(ErrorType.SERVICE_UNAVAILABLE, "The storage backend is not available; retry the request", e);
            throw DynamoException.internal("Internal server error", e);
        }
    }
}
