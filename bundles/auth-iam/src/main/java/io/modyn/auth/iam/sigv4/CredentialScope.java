package io.modyn.auth.iam.sigv4;

/**
 * The {@code Credential} of a signature, {@code <access key id>/<date>/<region>/<service>/aws4_request}:
 * which key signed, and for which day, region and service its signing key was derived.
 */
record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {

    static final String TERMINATOR = "aws4_request";

    /** DynamoDB ignores trailing slashes; anything but five parts is an incomplete signature. */
    static CredentialScope parse(String credential) {
        String trimmed = credential.replaceAll("/+$", "");
        String[] parts = trimmed.split("/", -1);
        if (parts.length != 5) {
            throw SignatureErrors.credentialParts(trimmed);
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    /** The scope line of the string to sign: everything after the access key id. */
    String scope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }
}
