package io.modyn.export;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.dynamodb.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asks the {@link Authorizer}, when one is bound, whether the caller may start or read a job:
 * {@code dynamodb:ExportTableToPointInTime} and {@code dynamodb:DescribeExport} on the table or
 * export ARN, {@code dynamodb:ImportTable} on the table to create, {@code dynamodb:ListExports}
 * and {@code dynamodb:ListImports} on {@code *}. The jobs' own reads and writes are not the
 * caller's (see {@code JobContexts}). S3 permissions are not checked (the store has its own).
 * Tags and resource-based policies are not passed: a condition on aws:ResourceTag or a table's
 * resource policy does not apply to these actions here.
 */
final class CallerAccess {

    private final Supplier<Authorizer> authorizer;

    CallerAccess(Supplier<Authorizer> authorizer) {
        this.authorizer = authorizer;
    }

    void require(RequestContext context, String action, String resource) {
        Authorizer bound = authorizer.get();
        if (bound == null) return;
        bound.authorize(context, List.of(new AuthorizationRequest(action, resource)), arn -> Map.of(), ResourcePolicies.NONE);
    }
}
