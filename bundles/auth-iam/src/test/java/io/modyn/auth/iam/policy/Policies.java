package io.modyn.auth.iam.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers: policies from src/test/resources/policies and requests with short defaults. */
final class Policies {

    static final String ACCOUNT = "000000000000";
    static final String ALICE = "arn:aws:iam::000000000000:user/alice";
    static final String BOB = "arn:aws:iam::000000000000:user/bob";
    static final String TABLE_T = "arn:aws:dynamodb:us-east-1:000000000000:table/T";

    private Policies() {
    }

    static PolicyDocument resource(String name, PolicyKind kind) {
        try (InputStream in = Policies.class.getResourceAsStream("/policies/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test policy " + name);
            }
            return PolicyDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PolicyDocument identity(String json) {
        return PolicyDocument.parse(json, PolicyKind.IDENTITY);
    }

    /** A 2012-10-17 identity policy of one statement. */
    static PolicyDocument statement(String effect, String action, String resource, String conditionJson) {
        return identity("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"" + effect + "\",\"Action\":" + action
                + ",\"Resource\":" + resource + (conditionJson == null ? "" : ",\"Condition\":" + conditionJson) + "}}");
    }

    static AuthorizationRequest.Builder alice(String action, String resource) {
        return AuthorizationRequest.builder().principal(ALICE).action(action).resource(resource)
                .context("aws:username", "alice").context("aws:userid", "AIDAALICE");
    }

    static Decision decide(AuthorizationRequest request, PolicyDocument... identityPolicies) {
        return PolicyEvaluator.evaluate(request, PolicySet.of(List.of(identityPolicies)));
    }
}
