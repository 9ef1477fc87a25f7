package io.modyn.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import org.junit.jupiter.api.Test;

/** The checks a resource-based policy document passes before it is attached, and its canonical form. */
class PolicyDocumentRulesTest {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String INVALID_DOCUMENT = INVALID + "Invalid policy document: ";
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/T";

    private static String statement(String body) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + body + "]}";
    }

    private static final String GOOD = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},"
            + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"" + TABLE + "\"}";

    private static String canonical(String document) {
        return PolicyDocumentRules.check(document, false).document();
    }

    @Test
    void theCanonicalFormIsMinifiedInDynamoDbsKeyOrderWithSingleValuesAsStrings() {
        String sent = """
                { "Statement" : { "Condition": {"StringEquals": {"aws:PrincipalAccount": ["111122223333"]}},
                    "Resource": ["%s", "%s/index/*"], "NotAction": ["dynamodb:Scan"],
                    "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/r"]},
                    "Effect": "deny", "Sid": "one" },
                  "Id": "p1", "Version": "2012-10-17" }""".formatted(TABLE, TABLE);
        assertEquals("{\"Version\":\"2012-10-17\",\"Id\":\"p1\",\"Statement\":[{\"Sid\":\"one\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"arn:aws:iam::444455556666:role/r\"]},"
                + "\"NotAction\":\"dynamodb:Scan\",\"Resource\":[\"" + TABLE + "\",\"" + TABLE + "/index/*\"],"
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":[\"111122223333\"]}}}]}", canonical(sent));
        String again = canonical(sent);
        assertEquals(again, canonical(again), "the canonical form is a fixpoint");
    }

    @Test
    void aDocumentWithoutVersionReadsBackWithTheOldVersionAndSaysSo() {
        CanonicalPolicy policy = PolicyDocumentRules.check("{\"Statement\":[" + GOOD + "]}", false);
        assertTrue(policy.versionDefaulted());
        assertTrue(policy.document().startsWith("{\"Version\":\"2008-10-17\","), policy.document());
        assertFalse(PolicyDocumentRules.check(policy.document(), false).versionDefaulted());
    }

    @Test
    void theDocumentIsJsonOfAtMost20480BytesWhitespaceIncluded() {
        assertInvalid(INVALID_DOCUMENT + "This policy contains invalid Json", "{\"Statement\":");
        assertInvalid(INVALID_DOCUMENT + "This policy contains invalid Json", "[]");
        assertInvalid(INVALID_DOCUMENT + "This policy contains invalid Json", "");
        String padded = statement(GOOD);
        padded = padded + " ".repeat(20480 - padded.length());
        assertEquals(canonical(statement(GOOD)), canonical(padded));
        assertInvalid(INVALID + "Maximum policy size of 20480 bytes exceeded", padded + " ");
    }

    @Test
    void everyStatementNamesEffectPrincipalActionAndResource() {
        assertInvalid(INVALID_DOCUMENT + "Missing required field Statement", "{\"Version\":\"2012-10-17\"}");
        assertInvalid(INVALID_DOCUMENT + "Could not parse the policy: Statement is empty!", statement(""));
        assertInvalid(INVALID_DOCUMENT + "Missing required field Effect",
                statement("{\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Invalid effect: Permit",
                statement("{\"Effect\":\"Permit\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Missing required field Principal",
                statement("{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Missing required field Action",
                statement("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Missing required field Resource",
                statement("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"dynamodb:GetItem\"}"));
        assertInvalid(INVALID_DOCUMENT + "The policy must contain a valid version string",
                "{\"Version\":\"2020-01-01\",\"Statement\":[" + GOOD + "]}");
        assertInvalid(INVALID_DOCUMENT + "Syntax errors in policy.", "{\"Statement\":[" + GOOD + "],\"Extra\":1}");
        assertInvalid(INVALID_DOCUMENT + "The Statement Ids in the policy are not unique",
                statement(GOOD.replace("{", "{\"Sid\":\"a\",") + "," + GOOD.replace("{", "{\"Sid\":\"a\",")));
    }

    @Test
    void actionsAreThoseOfTheTargetsKind() {
        assertInvalid(INVALID_DOCUMENT + "The following action names are invalid: \"dynamodb:GetRecords\", \"dynamodb:DescribeStream\"",
                statement(GOOD.replace("\"dynamodb:GetItem\"", "[\"dynamodb:GetRecords\",\"dynamodb:DescribeStream\"]")));
        assertInvalid(INVALID_DOCUMENT + "The following action names are invalid: \"s3:GetObject\", \"dynamodb:ListTables\"",
                statement(GOOD.replace("\"dynamodb:GetItem\"", "[\"s3:GetObject\",\"dynamodb:ListTables\"]")));
        assertTrue(PolicyDocumentRules.isAction("dynamodb:getitem", false));
        assertTrue(PolicyDocumentRules.isAction("DynamoDB:Partiql*", false));
        assertTrue(PolicyDocumentRules.isAction("dynamodb:*", true));
        assertTrue(PolicyDocumentRules.isAction("dynamodb:GetResourcePolicy", true));
        assertTrue(PolicyDocumentRules.isAction("dynamodb:GetRecords", true));
        assertFalse(PolicyDocumentRules.isAction("dynamodb:GetItem", true));
        assertFalse(PolicyDocumentRules.isAction("dynamodb:ListStreams", true));
        assertFalse(PolicyDocumentRules.isAction("dynamodb:Nothing*", false));
    }

    @Test
    void resourcesAreArnsOfTheTargetsKind() {
        String stream = TABLE + "/stream/2026-01-01T00:00:00.000";
        assertInvalid(INVALID_DOCUMENT + "The relative-id \"table/T/stream/2026-01-01T00:00:00.000\" is invalid for ARN \"" + stream + "\"",
                statement(GOOD.replace(TABLE, stream)));
        PolicyDocumentRules.check(statement(GOOD.replace("dynamodb:GetItem", "dynamodb:GetRecords").replace(TABLE, stream)), true);
        assertInvalid(INVALID_DOCUMENT + "Resource table/T must be in ARN format or \"*\".", statement(GOOD.replace(TABLE, "table/T")));
        assertEquals(canonical(statement(GOOD.replace(TABLE, "*"))), canonical(statement(GOOD.replace(TABLE, "*"))));
        canonical(statement(GOOD.replace(TABLE, "arn:aws:dynamodb:*:*:table/Other/index/*")));
    }

    @Test
    void principalsAreAccountsIamIdentitiesOrTheServicesDynamoDbAccepts() {
        assertInvalid(INVALID + "Invalid principal in policy document.", statement(GOOD.replace("\"111122223333\"", "\"alice\"")));
        assertInvalid(INVALID + "Invalid principal in policy document.",
                statement(GOOD.replace("{\"AWS\":\"111122223333\"}", "{\"Federated\":\"cognito-identity.amazonaws.com\"}")));
        assertInvalid(INVALID_DOCUMENT + "Policy contains invalid service principal",
                statement(GOOD.replace("{\"AWS\":\"111122223333\"}", "{\"Service\":\"myservice.amazonaws.com\"}")));
        canonical(statement(GOOD.replace("{\"AWS\":\"111122223333\"}", "{\"Service\":\"redshift.amazonaws.com\"}")));
    }

    @Test
    void anAllowToEveryoneWithoutConditionIsUnboundedAccess() {
        String unbounded = "Resource-based policy grants unbounded access in one or more elements. "
                + "Please revise the policy to ensure least-privilege form of access";
        assertInvalid(unbounded, statement(GOOD.replace("{\"AWS\":\"111122223333\"}", "\"*\"")));
        assertInvalid(unbounded, statement(GOOD.replace("\"111122223333\"", "\"*\"")));
        canonical(statement(GOOD.replace("{\"AWS\":\"111122223333\"}", "\"*\"").replace("Allow", "Deny")));
        canonical(statement(GOOD.replace("{\"AWS\":\"111122223333\"}", "\"*\"")
                .replace("}", ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"111122223333\"}}}")));
    }

    private static void assertInvalid(String message, String document) {
        DynamoException e = assertThrows(DynamoException.class, () -> PolicyDocumentRules.check(document, false));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(message, e.getMessage());
    }
}
