package io.modyn.backup;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.dynamodb.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asks the bound {@link Authorizer} (none: open mode, everything allowed) whether the caller may
 * do a backup action on its resources, before anything is read or written, as the engine does for
 * table operations: {@code dynamodb:CreateBackup} on the table,
 * {@code dynamodb:DescribeBackup}/{@code DeleteBackup} on the backup,
 * {@code dynamodb:RestoreTableFromBackup} on the backup and the target table,
 * {@code dynamodb:RestoreTableToPointInTime} on the source and the target table,
 * {@code dynamodb:ListBackups} on {@code *}. Backups carry no tags and no resource policies here.
 */
final class BackupAccess {

    private final Supplier<Authorizer> authorizer;

    BackupAccess(Supplier<Authorizer> authorizer) {
        this.authorizer = authorizer;
    }

    void require(RequestContext context, String action, String... resources) {
        Authorizer bound = authorizer.get();
        if (bound == null) return;
        List<AuthorizationRequest> requests = java.util.Arrays.stream(resources)
                .map(resource -> new AuthorizationRequest("dynamodb:" + action, resource)).toList();
        bound.authorize(context, requests, resourceArn -> Map.of(), ResourcePolicies.NONE);
    }
}
