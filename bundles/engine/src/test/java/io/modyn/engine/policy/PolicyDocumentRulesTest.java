package io.modyn.engine.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import org.junit.jupiter.api.Test;

/** The checks a resource-based policy document passes before it is attached. */
class PolicyDocumentRulesTest {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String INVALID_DOCUMENT = INVALID + "Invalid policy document: ";

    private static String statement(String body) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + body + "]}";
    }

    private static final String GOOD = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},"
            + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"arn:aws:dynamodb:us-east-1:000000000000:table/T\"}";

    @Test
    void wellFormedPoliciesPass() {
        assertDoesNotThrow(() -> PolicyDocumentRules.check(statement(GOOD)));
        assertDoesNotThrow(() -> PolicyDocumentRules.check("{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"dynamodb:*\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":[\"111122223333\"]}}}}"));
        assertDoesNotThrow(() -> PolicyDocumentRules.check(statement("{\"Sid\":\"x\",\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":["
                + "\"arn:aws:iam::111122223333:root\",\"arn:aws:iam::111122223333:user/alice\",\"arn:aws:sts::111122223333:assumed-role/r/s\"]},"
                + "\"NotAction\":\"dynamodb:Get*\",\"NotResource\":[\"arn:aws:dynamodb:us-east-1:000000000000:table/T/index/*\"]}")));
        assertDoesNotThrow(() -> PolicyDocumentRules.check(statement(
                "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"redshift.amazonaws.com\"},\"Action\":\"dynamodb:ExportTableToPointInTime\",\"Resource\":\"*\"}")));
    }

    @Test
    void theDocumentIsJsonOfAtMostTwentyKilobytesWhitespaceIncluded() {
        assertInvalid(INVALID_DOCUMENT + "This policy contains invalid Json", "{\"Statement\":");
        assertInvalid(INVALID_DOCUMENT + "This policy contains invalid Json", "[]");
        assertInvalid(INVALID_DOCUMENT + "This policy contains invalid Json", "");
        String padded = statement(GOOD);
        padded = padded + " ".repeat(PolicyDocumentRules.MAX_BYTES - padded.length());
        assertEquals(20 * 1024, padded.length());
        String fits = padded;
        assertDoesNotThrow(() -> PolicyDocumentRules.check(fits));
        assertInvalid(INVALID + "Resource-based policy document exceeds the maximum size of 20 KB", padded + " ");
    }

    @Test
    void everyStatementNamesEffectPrincipalActionAndResource() {
        assertInvalid(INVALID_DOCUMENT + "Missing required field Statement", "{\"Version\":\"2012-10-17\"}");
        assertInvalid(INVALID_DOCUMENT + "Missing required field Effect",
                statement("{\"Principal\":\"*\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Invalid effect: Permit",
                statement("{\"Effect\":\"Permit\",\"Principal\":\"*\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Missing required field Principal",
                statement("{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Policy statement must contain actions.",
                statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Policy statement must contain resources.",
                statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"dynamodb:GetItem\"}"));
        assertInvalid(INVALID_DOCUMENT + "The policy must contain a valid version string",
                "{\"Version\":\"2020-01-01\",\"Statement\":[" + GOOD + "]}");
        assertInvalid(INVALID_DOCUMENT + "Syntax errors in policy.", "{\"Statement\":[" + GOOD + "],\"Extra\":1}");
        assertInvalid(INVALID_DOCUMENT + "Syntax errors in policy.",
                statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"dynamodb:GetItem\",\"NotAction\":\"dynamodb:PutItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Resource table/T must be in ARN format or \"*\".",
                statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"table/T\"}"));
    }

    @Test
    void actionsAreDynamoDbActionsOnTablesIndexesOrStreams() {
        assertInvalid(INVALID_DOCUMENT + "The following action names are invalid: \"dynamodb:ListStreams\"",
                statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"dynamodb:GetRecords\",\"dynamodb:ListStreams\"],\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "The following action names are invalid: \"s3:GetObject\", \"dynamodb:ListTables\"",
                statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"dynamodb:ListTables\"],\"Resource\":\"*\"}"));
        assertTrue(PolicyDocumentRules.isResourceAction("dynamodb:getitem"));
        assertTrue(PolicyDocumentRules.isResourceAction("DynamoDB:Partiql*"));
        assertTrue(PolicyDocumentRules.isResourceAction("*"));
        assertFalse(PolicyDocumentRules.isResourceAction("dynamodb:Nothing*"));
        assertFalse(PolicyDocumentRules.isResourceAction("dynamodb:DescribeLimits"));
    }

    @Test
    void principalsAreAccountsIamIdentitiesOrTheServicesDynamoDbAccepts() {
        assertInvalid(INVALID + "Invalid principal in policy document.",
                statement("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"alice\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID + "Invalid principal in policy document.",
                statement("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"cognito-identity.amazonaws.com\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
        assertInvalid(INVALID_DOCUMENT + "Policy contains invalid service principal",
                statement("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"myservice.amazonaws.com\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}"));
    }

    private static void assertInvalid(String message, String document) {
        DynamoException e = assertThrows(DynamoException.class, () -> PolicyDocumentRules.check(document));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(message, e.getMessage());
    }
}
