package io.modyn.auth.iam.identity;

import io.modyn.auth.iam.identity.IdentityException.Reason;
import io.modyn.auth.iam.policy.MalformedPolicyException;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;

/** The checks a policy document passes before it is stored: IAM's grammar (by the policy parser) and IAM's way of counting its size. */
final class PolicyDocuments {

    private PolicyDocuments() {
    }

    /** Refuses, with IAM's MalformedPolicyDocument message, a document the parser refuses for this kind. */
    static void check(String document, PolicyKind kind) {
        try {
            PolicyDocument.parse(document, kind);
        } catch (MalformedPolicyException e) {
            throw new IdentityException(Reason.MALFORMED_POLICY, e.getMessage());
        }
    }

    /** A document's size as IAM counts it against its quotas: characters other than whitespace. */
    static int size(String document) {
        int size = 0;
        for (int i = 0; i < document.length(); i++) {
            if (!Character.isWhitespace(document.charAt(i))) size++;
        }
        return size;
    }
}
