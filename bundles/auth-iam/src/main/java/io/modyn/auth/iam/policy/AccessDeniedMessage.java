package io.modyn.auth.iam.policy;

/**
 * The message of DynamoDB's AccessDeniedException for a denied decision, in AWS's words, e.g.
 * "User: arn:aws:iam::000000000000:user/alice is not authorized to perform: dynamodb:PutItem on
 * resource: arn:aws:dynamodb:us-east-1:000000000000:table/T because no identity-based policy allows
 * the dynamodb:PutItem action", or "... with an explicit deny in an identity-based policy" / "in a
 * resource-based policy" / "in a session policy", or (KMS) "... because no resource-based policy
 * allows the kms:Decrypt action".
 */
public final class AccessDeniedMessage {

    private AccessDeniedMessage() {
    }

    /** @throws IllegalArgumentException for {@link Decision#ALLOWED}, which has no message */
    public static String of(Decision decision, String principalArn, String action, String resource) {
        String prefix = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource;
        switch (decision) {
            case EXPLICIT_DENY_IDENTITY_POLICY:
                return prefix + " with an explicit deny in an identity-based policy";
            case EXPLICIT_DENY_RESOURCE_POLICY:
                return prefix + " with an explicit deny in a resource-based policy";
            case EXPLICIT_DENY_SESSION_POLICY:
                return prefix + " with an explicit deny in a session policy";
            case NO_IDENTITY_POLICY_ALLOWS:
                return prefix + " because no identity-based policy allows the " + action + " action";
            case NO_SESSION_POLICY_ALLOWS:
                return prefix + " because no session policy allows the " + action + " action";
            case NO_RESOURCE_POLICY_ALLOWS:
                return prefix + " because no resource-based policy allows the " + action + " action";
            default:
                throw new IllegalArgumentException("an allowed request has no denial message");
        }
    }

    public static String of(Decision decision, AuthorizationRequest request) {
        return of(decision, request.principalArn(), request.action(), request.resource());
    }
}
