package io.modyn.auth.iam.policy;

/**
 * IAM's checks of the content of actions, resources and condition keys, made once a document's
 * shape is known to be valid; each failure carries IAM's MalformedPolicyDocument message.
 */
final class ElementChecks {

    private ElementChecks() {
    }

    static void action(String action) {
        if (action.equals("*")) {
            return;
        }
        int colon = action.indexOf(':');
        if (colon <= 0) {
            throw new MalformedPolicyException(MalformedPolicyException.NO_VENDOR);
        }
        if (action.indexOf(':', colon + 1) >= 0) {
            throw new MalformedPolicyException(MalformedPolicyException.ONE_COLON);
        }
    }

    static void resource(String resource) {
        if (resource.equals("*")) {
            return;
        }
        if (!resource.startsWith("arn:")) {
            throw MalformedPolicyException.resourceNotArn(resource);
        }
        String[] parts = Arns.split(resource, Arns.PARTS);
        if (parts.length < 3 || parts[2].isEmpty() || parts[2].indexOf('*') >= 0 || parts[2].indexOf('?') >= 0) {
            throw new MalformedPolicyException(MalformedPolicyException.VENDOR_NOT_QUALIFIED);
        }
        if (parts.length < Arns.PARTS) {
            throw new MalformedPolicyException(MalformedPolicyException.LEGACY_PARSING);
        }
    }

    static void conditionKey(String key) {
        if (key.indexOf(':') <= 0) {
            throw new MalformedPolicyException(MalformedPolicyException.NO_VENDOR);
        }
    }
}
