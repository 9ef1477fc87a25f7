package io.modyn.auth.iam.policy;

/** A statement's {@code Effect}: IAM accepts exactly these two spellings. */
public enum Effect {
    ALLOW,
    DENY;

    static Effect parse(String text) {
        switch (text) {
            case "Allow":
                return ALLOW;
            case "Deny":
                return DENY;
            default:
                throw MalformedPolicyException.syntax();
        }
    }
}
