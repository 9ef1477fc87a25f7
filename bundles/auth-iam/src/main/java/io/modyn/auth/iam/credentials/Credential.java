package io.modyn.auth.iam.credentials;

import io.modyn.api.auth.Principal;
import io.modyn.auth.iam.sigv4.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An access key: its id, the principal it belongs to, and its secret, which never leaves this
 * object. Signature Version 4 needs the secret only to derive signing keys, so that is all this
 * class offers; {@link #toString()} names the key id and principal, never the secret.
 *
 * <p>Today every credential is a long-term key, used without a session token. Temporary
 * credentials (STS) will be credentials that also carry the token they were issued with.
 */
public final class Credential {

    private final String accessKeyId;
    private final Principal principal;
    /** {@code "AWS4" + secret}, the key of the first step of the derivation. */
    private final byte[] secretKeySeed;

    public Credential(String accessKeyId, String secretAccessKey, Principal principal) {
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
        this.principal = Objects.requireNonNull(principal, "principal");
        this.secretKeySeed = ("AWS4" + Objects.requireNonNull(secretAccessKey, "secretAccessKey")).getBytes(StandardCharsets.UTF_8);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public Principal principal() {
        return principal;
    }

    /**
     * Whether a request may present this session token with this key: long-term keys are used
     * without one.
     */
    public boolean acceptsSessionToken(String sessionToken) {
        return sessionToken == null;
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    public byte[] signingKey(String date, String region, String service) {
        byte[] dateKey = Digests.hmacSha256(secretKeySeed, date);
        byte[] regionKey = Digests.hmacSha256(dateKey, region);
        byte[] serviceKey = Digests.hmacSha256(regionKey, service);
        return Digests.hmacSha256(serviceKey, "aws4_request");
    }

    @Override
    public String toString() {
        return "Credential[" + accessKeyId + " of " + principal.arn() + "]";
    }
}
