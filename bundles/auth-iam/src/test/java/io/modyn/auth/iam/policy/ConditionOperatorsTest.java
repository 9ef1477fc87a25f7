package io.modyn.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every condition operator as a table: an Allow statement with one condition, a request whose key
 * has the given values, and whether the statement applies. Request values: "|"-separated;
 * {@code ABSENT} for a key the request lacks, {@code EMPTY} for a key with no values.
 */
class ConditionOperatorsTest {

    private static final String ABSENT = "ABSENT";
    private static final String EMPTY = "EMPTY";

    static Stream<Arguments> rows() {
        return Stream.of(
                // String operators (case-sensitive values), multiple policy values are OR
                row("StringEquals", "s:k", "[\"a\",\"b\"]", "b", true),
                row("StringEquals", "s:k", "\"a\"", "A", false),
                row("StringEquals", "s:k", "\"a\"", ABSENT, false),
                row("StringNotEquals", "s:k", "[\"a\",\"b\"]", "c", true),
                row("StringNotEquals", "s:k", "[\"a\",\"b\"]", "a", false),
                row("StringNotEquals", "s:k", "\"a\"", ABSENT, true),
                row("StringEqualsIgnoreCase", "s:k", "\"Alice\"", "aLiCe", true),
                row("StringEqualsIgnoreCase", "s:k", "\"Alice\"", "bob", false),
                row("StringNotEqualsIgnoreCase", "s:k", "\"Alice\"", "ALICE", false),
                row("StringNotEqualsIgnoreCase", "s:k", "\"Alice\"", "bob", true),
                row("StringLike", "s:k", "\"home/*/file?.txt\"", "home/a/b/file1.txt", true),
                row("StringLike", "s:k", "\"home/*/file?.txt\"", "home/a/file12.txt", false),
                row("StringLike", "s:k", "\"ab*\"", "AB", false),
                row("StringNotLike", "s:k", "\"ab*\"", "abc", false),
                row("StringNotLike", "s:k", "\"ab*\"", "xabc", true),
                row("StringNotLike", "s:k", "\"ab*\"", ABSENT, true),
                // Numeric
                row("NumericEquals", "s:n", "\"10\"", "10.0", true),
                row("NumericEquals", "s:n", "\"10\"", "11", false),
                row("NumericEquals", "s:n", "\"10\"", "ten", false),
                row("NumericNotEquals", "s:n", "\"10\"", "11", true),
                row("NumericNotEquals", "s:n", "\"10\"", "10", false),
                row("NumericNotEquals", "s:n", "\"10\"", "ten", false),
                row("NumericLessThan", "s:n", "\"10\"", "9.5", true),
                row("NumericLessThan", "s:n", "\"10\"", "10", false),
                row("NumericLessThanEquals", "s:n", "\"10\"", "10", true),
                row("NumericLessThanEquals", "s:n", "\"10\"", "10.01", false),
                row("NumericGreaterThan", "s:n", "\"10\"", "11", true),
                row("NumericGreaterThan", "s:n", "\"10\"", "10", false),
                row("NumericGreaterThanEquals", "s:n", "\"-1\"", "-1", true),
                row("NumericGreaterThanEquals", "s:n", "\"-1\"", "-2", false),
                row("NumericLessThan", "s:n", "10", "3", true), // a JSON number in the policy
                // Date: ISO 8601 and epoch seconds, either side
                row("DateEquals", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\"", "2026-01-01T01:00:00+01:00", true),
                row("DateEquals", "aws:CurrentTime", "\"2026-01-01\"", "1767225600", true),
                row("DateEquals", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\"", "2026-01-01T00:00:01Z", false),
                row("DateNotEquals", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\"", "2026-01-02T00:00:00Z", true),
                row("DateNotEquals", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\"", "2026-01-01T00:00:00.000Z", false),
                row("DateLessThan", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\"", "2025-12-31T23:59:59Z", true),
                row("DateLessThan", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\"", "2026-01-01T00:00:00Z", false),
                row("DateLessThanEquals", "aws:CurrentTime", "\"1767225600\"", "2026-01-01T00:00:00Z", true),
                row("DateLessThanEquals", "aws:CurrentTime", "\"1767225600\"", "2026-01-01T00:00:01Z", false),
                row("DateGreaterThan", "aws:EpochTime", "\"2026-01-01T00:00:00Z\"", "1767225601", true),
                row("DateGreaterThan", "aws:EpochTime", "\"2026-01-01T00:00:00Z\"", "1767225600", false),
                row("DateGreaterThanEquals", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\"", "2026-01-01T00:00:00Z", true),
                row("DateGreaterThanEquals", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\"", "not a date", false),
                // Bool
                row("Bool", "aws:SecureTransport", "\"true\"", "true", true),
                row("Bool", "aws:SecureTransport", "\"true\"", "TRUE", true),
                row("Bool", "aws:SecureTransport", "\"true\"", "false", false),
                row("Bool", "aws:SecureTransport", "false", "false", true), // a JSON boolean in the policy
                row("Bool", "aws:SecureTransport", "\"true\"", ABSENT, false),
                // BinaryEquals: base64 on both sides, compared as bytes
                row("BinaryEquals", "s:b", "\"QmluYXJ5VmFsdWU=\"", "QmluYXJ5VmFsdWU=", true),
                row("BinaryEquals", "s:b", "\"QmluYXJ5VmFsdWU=\"", "T3RoZXI=", false),
                // IpAddress / NotIpAddress, IPv4 and IPv6
                row("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", "203.0.113.77", true),
                row("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", "203.0.114.1", false),
                row("IpAddress", "aws:SourceIp", "[\"10.0.0.0/8\",\"203.0.113.5\"]", "203.0.113.5", true),
                row("IpAddress", "aws:SourceIp", "\"10.1.0.0/12\"", "10.15.255.255", true),
                row("IpAddress", "aws:SourceIp", "\"10.1.0.0/12\"", "10.16.0.0", false),
                row("IpAddress", "aws:SourceIp", "\"2001:db8::/32\"", "2001:DB8:1::5", true),
                row("IpAddress", "aws:SourceIp", "\"2001:db8::/32\"", "2001:db9::5", false),
                row("IpAddress", "aws:SourceIp", "\"0.0.0.0/0\"", "::1", false),
                row("IpAddress", "aws:SourceIp", "\"0.0.0.0/0\"", "localhost", false),
                row("NotIpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", "198.51.100.1", true),
                row("NotIpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", "203.0.113.1", false),
                row("NotIpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", ABSENT, true),
                // Arn operators: part by part, wildcards in both
                row("ArnEquals", "aws:SourceArn", "\"arn:aws:dynamodb:us-east-1:000000000000:table/T\"",
                        "arn:aws:dynamodb:us-east-1:000000000000:table/T", true),
                row("ArnEquals", "aws:SourceArn", "\"arn:aws:dynamodb:*:000000000000:table/T\"",
                        "arn:aws:dynamodb:eu-west-1:000000000000:table/T", true),
                row("ArnLike", "aws:SourceArn", "\"arn:aws:dynamodb:*:*:table/T*\"",
                        "arn:aws:dynamodb:us-east-1:000000000000:table/T/index/I", true),
                row("ArnLike", "aws:SourceArn", "\"arn:aws:dynamodb:us-*:*:table/T\"",
                        "arn:aws:dynamodb:us-east-1:extra:000000000000:table/T", false),
                row("ArnLike", "aws:SourceArn", "\"arn:aws:dynamodb:*:*:table/t\"",
                        "arn:aws:dynamodb:us-east-1:000000000000:table/T", false),
                row("ArnNotEquals", "aws:SourceArn", "\"arn:aws:dynamodb:*:*:table/T\"",
                        "arn:aws:dynamodb:us-east-1:000000000000:table/U", true),
                row("ArnNotLike", "aws:SourceArn", "\"arn:aws:dynamodb:*:*:table/T\"",
                        "arn:aws:dynamodb:us-east-1:000000000000:table/T", false),
                row("ArnNotLike", "aws:SourceArn", "\"arn:aws:dynamodb:*:*:table/T\"", ABSENT, true),
                // Null
                row("Null", "aws:TokenIssueTime", "\"true\"", ABSENT, true),
                row("Null", "aws:TokenIssueTime", "\"true\"", EMPTY, true),
                row("Null", "aws:TokenIssueTime", "\"true\"", "2026-01-01T00:00:00Z", false),
                row("Null", "aws:TokenIssueTime", "\"false\"", "2026-01-01T00:00:00Z", true),
                row("Null", "aws:TokenIssueTime", "\"false\"", ABSENT, false),
                // ...IfExists: an absent key satisfies it; a present one is tested as usual
                row("StringEqualsIfExists", "s:k", "\"a\"", ABSENT, true),
                row("StringEqualsIfExists", "s:k", "\"a\"", "b", false),
                row("StringEqualsIfExists", "s:k", "\"a\"", "a", true),
                row("NumericLessThanIfExists", "s:n", "\"5\"", ABSENT, true),
                row("NumericLessThanIfExists", "s:n", "\"5\"", "6", false),
                row("IpAddressIfExists", "aws:SourceIp", "\"10.0.0.0/8\"", ABSENT, true),
                row("ArnLikeIfExists", "aws:SourceArn", "\"arn:aws:s3:::b\"", "arn:aws:s3:::c", false),
                row("BoolIfExists", "aws:MultiFactorAuthPresent", "\"true\"", ABSENT, true),
                // Condition key names are case-insensitive
                row("StringEquals", "DynamoDB:Select", "\"SPECIFIC_ATTRIBUTES\"", "SPECIFIC_ATTRIBUTES", true),
                // Multivalued keys without a set prefix: positive = some value matches; negated = none matches
                row("StringEquals", "s:tags", "\"a\"", "x|a", true),
                row("StringNotEquals", "s:tags", "\"a\"", "x|a", false),
                row("StringNotEquals", "s:tags", "\"a\"", "x|y", true),
                // ForAllValues: every request value matches some policy value; absent or empty key: true
                row("ForAllValues:StringEquals", "dynamodb:Attributes", "[\"id\",\"name\"]", "id|name", true),
                row("ForAllValues:StringEquals", "dynamodb:Attributes", "[\"id\",\"name\"]", "id|secret", false),
                row("ForAllValues:StringEquals", "dynamodb:Attributes", "[\"id\",\"name\"]", ABSENT, true),
                row("ForAllValues:StringEquals", "dynamodb:Attributes", "[\"id\",\"name\"]", EMPTY, true),
                row("ForAllValues:StringLike", "aws:TagKeys", "\"team-*\"", "team-a|team-b", true),
                row("ForAllValues:StringNotEquals", "aws:TagKeys", "[\"secret\"]", "a|b", true),
                row("ForAllValues:StringNotEquals", "aws:TagKeys", "[\"secret\"]", "a|secret", false),
                // ForAnyValue: some request value matches some policy value; absent or empty key: false
                row("ForAnyValue:StringEquals", "aws:TagKeys", "[\"env\",\"team\"]", "x|team", true),
                row("ForAnyValue:StringEquals", "aws:TagKeys", "[\"env\",\"team\"]", "x|y", false),
                row("ForAnyValue:StringEquals", "aws:TagKeys", "[\"env\",\"team\"]", ABSENT, false),
                row("ForAnyValue:StringEquals", "aws:TagKeys", "[\"env\",\"team\"]", EMPTY, false),
                row("ForAnyValue:StringNotEquals", "aws:TagKeys", "[\"env\"]", "env|other", true),
                row("ForAnyValue:StringNotEquals", "aws:TagKeys", "[\"env\"]", "env", false),
                row("ForAnyValue:NumericGreaterThan", "s:nums", "\"5\"", "1|9", true),
                row("ForAllValues:StringEqualsIfExists", "aws:TagKeys", "\"a\"", ABSENT, true),
                row("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", "\"a\"", ABSENT, true));
    }

    private static Arguments row(String operator, String key, String policyValues, String requestValues, boolean applies) {
        return arguments(operator, key, policyValues, requestValues, applies);
    }

    @ParameterizedTest(name = "{0} {1} {2} on [{3}] applies: {4}")
    @MethodSource("rows")
    void operatorAppliesExactlyAsIamSays(String operator, String key, String policyValues, String requestValues,
            boolean applies) {
        PolicyDocument policy = Policies.statement("Allow", "\"dynamodb:GetItem\"", "\"*\"",
                "{\"" + operator + "\":{\"" + key + "\":" + policyValues + "}}");
        AuthorizationRequest.Builder request = Policies.alice("dynamodb:GetItem", Policies.TABLE_T);
        if (requestValues.equals(EMPTY)) {
            request.context(key, List.of());
        } else if (!requestValues.equals(ABSENT)) {
            request.context(key, new ArrayList<>(Arrays.asList(requestValues.split("\\|"))));
        }
        Decision expected = applies ? Decision.ALLOWED : Decision.NO_IDENTITY_POLICY_ALLOWS;
        assertEquals(expected, Policies.decide(request.build(), policy));

        // The same condition on a Deny beside an Allow-all: denies exactly when it applies.
        PolicyDocument deny = Policies.statement("Deny", "\"dynamodb:GetItem\"", "\"*\"",
                "{\"" + operator + "\":{\"" + key + "\":" + policyValues + "}}");
        PolicyDocument allowAll = Policies.statement("Allow", "\"*\"", "\"*\"", null);
        assertEquals(applies ? Decision.EXPLICIT_DENY_IDENTITY_POLICY : Decision.ALLOWED,
                Policies.decide(request.build(), allowAll, deny));
    }
}
