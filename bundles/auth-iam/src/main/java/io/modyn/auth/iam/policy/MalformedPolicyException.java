package io.modyn.auth.iam.policy;

/**
 * A policy document IAM would refuse. The message is IAM's own text for the {@code
 * MalformedPolicyDocument} error (e.g. "Syntax errors in policy."), so the IAM API can return it
 * unchanged; DynamoDB's resource-policy operations wrap it in their own error type.
 */
public final class MalformedPolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String SYNTAX = "Syntax errors in policy.";
    static final String NO_ACTIONS = "Policy statement must contain actions.";
    static final String NO_RESOURCES = "Policy statement must contain resources.";
    static final String NO_VENDOR = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    static final String ONE_COLON = "Actions/Condition can contain only one colon.";
    static final String SID_NOT_UNIQUE = "Statement IDs (SID) in a single policy must be unique.";
    static final String PRINCIPAL_NOT_ALLOWED = "Policy document should not specify a principal.";
    static final String PRINCIPAL_MISSING = "Missing required field Principal";
    static final String RESOURCE_NOT_ALLOWED = "Has prohibited field Resource";
    static final String VENDOR_NOT_QUALIFIED = "Resource vendor must be fully qualified and cannot contain regexes.";
    static final String VERSION_TOO_OLD = "Policy document must be version 2012-10-17 or greater.";
    static final String LEGACY_PARSING = "The policy failed legacy parsing";

    public MalformedPolicyException(String message) {
        super(message, null, false, false);
    }

    static MalformedPolicyException syntax() {
        return new MalformedPolicyException(SYNTAX);
    }

    static MalformedPolicyException resourceNotArn(String resource) {
        return new MalformedPolicyException("Resource " + resource + " must be in ARN format or \"*\".");
    }

    static MalformedPolicyException invalidPrincipal(String type, String value) {
        return new MalformedPolicyException("Invalid principal in policy: \"" + type + "\":\"" + value + "\"");
    }
}
