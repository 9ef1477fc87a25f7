package io.modyn.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed documents get IAM's MalformedPolicyDocument message; valid shapes parse. */
class PolicyParserTest {

    private static final String OK_STATEMENT = "{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}";

    static Stream<Arguments> malformedIdentityPolicies() {
        return Stream.of(
                arguments("not JSON", "This is not a json document", "Syntax errors in policy."),
                arguments("JSON array", "[]", "Syntax errors in policy."),
                arguments("unknown version", "{\"Version\":\"2013-10-17\",\"Statement\":" + OK_STATEMENT + "}",
                        "Syntax errors in policy."),
                arguments("no statement", "{\"Version\":\"2012-10-17\"}", "Syntax errors in policy."),
                arguments("empty statement array", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", "Syntax errors in policy."),
                arguments("extra document field",
                        "{\"Version\":\"2012-10-17\",\"Statement\":" + OK_STATEMENT + ",\"Extra field\":\"value\"}",
                        "Syntax errors in policy."),
                arguments("extra statement field",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                                + "\"Resource\":\"*\",\"Extra field\":\"value\"}}",
                        "Syntax errors in policy."),
                arguments("Id not a string", "{\"Version\":\"2012-10-17\",\"Id\":{},\"Statement\":" + OK_STATEMENT + "}",
                        "Syntax errors in policy."),
                arguments("invalid effect",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"invalid\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}",
                        "Syntax errors in policy."),
                arguments("no effect",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}",
                        "Syntax errors in policy."),
                arguments("action a number",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":123,\"Resource\":\"*\"}}",
                        "Syntax errors in policy."),
                arguments("Action and NotAction",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"s3:ListBucket\","
                                + "\"Action\":\"iam:dsf\",\"Resource\":\"*\"}}",
                        "Syntax errors in policy."),
                arguments("Resource and NotResource",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                                + "\"Resource\":\"arn:aws:s3:::b\",\"NotResource\":\"*\"}}",
                        "Syntax errors in policy."),
                arguments("resource an object",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                                + "\"Resource\":{\"a\":\"arn:aws:s3:::b\"}}}",
                        "Syntax errors in policy."),
                arguments("condition an array",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                                + "\"Resource\":\"*\",\"Condition\":[]}}",
                        "Syntax errors in policy."),
                arguments("condition operator not an object",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                                + "\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":\"b\"}}}",
                        "Syntax errors in policy."),
                arguments("condition value an object, before missing actions",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\","
                                + "\"Condition\":{\"DateGreaterThan\":{\"a\":{}}}}}",
                        "Syntax errors in policy."),
                arguments("unknown condition operator",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                                + "\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"aws:username\":\"a\"}}}}",
                        "Syntax errors in policy."),
                arguments("Sid not a string",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":[],\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}",
                        "Syntax errors in policy."),
                arguments("duplicate Sid before missing actions",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"sdf\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                                + "\"Resource\":\"*\"},{\"Sid\":\"sdf\",\"Effect\":\"Allow\"}]}",
                        "Statement IDs (SID) in a single policy must be unique."),
                arguments("no actions",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}",
                        "Policy statement must contain actions."),
                arguments("no actions nor resources", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\"}}",
                        "Policy statement must contain actions."),
                arguments("no resources",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\"}}",
                        "Policy statement must contain resources."),
                arguments("action without vendor",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"invalid\",\"Resource\":\"*\"}}",
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                arguments("action with two colons",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:Get:Item\",\"Resource\":\"*\"}}",
                        "Actions/Condition can contain only one colon."),
                arguments("condition key without vendor",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"username\":\"a\"}}}}",
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                arguments("resource not an ARN",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"invalid resource\"}}",
                        "Resource invalid resource must be in ARN format or \"*\"."),
                arguments("resource ARN without vendor",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws\"}}",
                        "Resource vendor must be fully qualified and cannot contain regexes."),
                arguments("resource ARN with wildcard vendor",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:*:::b\"}}",
                        "Resource vendor must be fully qualified and cannot contain regexes."),
                arguments("resource ARN too short",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3::example_bucket\"}}",
                        "The policy failed legacy parsing"),
                arguments("principal in an identity policy",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/bob\"},"
                                + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}}",
                        "Policy document should not specify a principal."),
                arguments("NotPrincipal in an identity policy",
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"NotPrincipal\":\"*\","
                                + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}}",
                        "Policy document should not specify a principal."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedIdentityPolicies")
    void malformedDocumentIsRefusedWithIamsMessage(String what, String json, String message) {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class,
                () -> PolicyDocument.parse(json, PolicyKind.IDENTITY));
        assertEquals(message, e.getMessage());
    }

    @Test
    void resourcePolicyMustNameAPrincipal() {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":" + OK_STATEMENT + "}", PolicyKind.RESOURCE));
        assertEquals("Missing required field Principal", e.getMessage());
    }

    @Test
    void trustPolicyNamesNoResource() {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"000000000000\"},"
                        + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}", PolicyKind.TRUST));
        assertEquals("Has prohibited field Resource", e.getMessage());
    }

    @Test
    void trustPolicyWithoutResourceParses() {
        PolicyDocument p = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}}", PolicyKind.TRUST);
        assertEquals(1, p.statementCount());
    }

    @Test
    void invalidAwsPrincipalIsNamedInTheMessage() {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"alice\"},"
                        + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}}", PolicyKind.RESOURCE));
        assertEquals("Invalid principal in policy: \"AWS\":\"alice\"", e.getMessage());
    }

    @Test
    void principalStringOtherThanStarIsASyntaxError() {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"arn:aws:iam::000000000000:user/bob\","
                        + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}}", PolicyKind.RESOURCE));
        assertEquals("Syntax errors in policy.", e.getMessage());
    }

    @Test
    void managedPolicyNeedsVersion2012AfterItsSyntaxIsValid() {
        for (String version : new String[] {"", "\"Version\":\"2008-10-17\","}) {
            MalformedPolicyException e = assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse(
                    "{" + version + "\"Statement\":" + OK_STATEMENT + "}", PolicyKind.MANAGED));
            assertEquals("Policy document must be version 2012-10-17 or greater.", e.getMessage());
        }
        MalformedPolicyException syntax = assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse(
                "{\"Version\":\"2013-10-17\",\"Statement\":" + OK_STATEMENT + "}", PolicyKind.MANAGED));
        assertEquals("Syntax errors in policy.", syntax.getMessage());
        assertEquals(1, PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":" + OK_STATEMENT + "}",
                PolicyKind.MANAGED).statementCount());
        MalformedPolicyException principal = assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                        + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}}", PolicyKind.MANAGED));
        assertEquals("Policy document should not specify a principal.", principal.getMessage());
    }

    @Test
    void unknownPrincipalTypeIsASyntaxError() {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"User\":\"bob\"},"
                        + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}}", PolicyKind.RESOURCE));
        assertEquals("Syntax errors in policy.", e.getMessage());
    }

    @Test
    void statementMayBeAnObjectOrAnArrayAndVersionMayBeEitherOrAbsent() {
        assertEquals(1, PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":" + OK_STATEMENT + "}",
                PolicyKind.IDENTITY).statementCount());
        assertEquals(2, PolicyDocument.parse("{\"Version\":\"2008-10-17\",\"Id\":\"x\",\"Statement\":[" + OK_STATEMENT + ","
                + OK_STATEMENT + "]}", PolicyKind.IDENTITY).statementCount());
        PolicyDocument noVersion = PolicyDocument.parse("{\"Statement\":[" + OK_STATEMENT + "]}", PolicyKind.IDENTITY);
        assertNull(noVersion.version());
    }

    @Test
    void resourcePolicyPrincipalsOfEveryFormParse() {
        PolicyDocument p = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":[\"000000000000\",\"arn:aws:iam::111122223333:root\","
                + "\"arn:aws:iam::000000000000:user/bob\",\"arn:aws:iam::000000000000:role/R\","
                + "\"arn:aws:sts::000000000000:assumed-role/R/s\"],\"Service\":\"dynamodb.amazonaws.com\"},"
                + "\"Action\":\"dynamodb:*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"dynamodb:DeleteTable\",\"Resource\":\"*\"}]}", PolicyKind.RESOURCE);
        assertEquals(2, p.statementCount());
        assertEquals(PolicyKind.RESOURCE, p.kind());
    }

    @Test
    void requestDependenceIsKnownFromConditionsAndVariables() {
        assertFalse(Policies.statement("Allow", "\"dynamodb:*\"", "\"arn:aws:dynamodb:*:*:table/T\"", null).isRequestDependent());
        assertTrue(Policies.statement("Allow", "\"dynamodb:*\"", "\"arn:aws:dynamodb:*:*:table/${aws:username}\"", null)
                .isRequestDependent());
        assertTrue(Policies.statement("Allow", "\"dynamodb:*\"", "\"*\"", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}")
                .isRequestDependent());
    }
}
