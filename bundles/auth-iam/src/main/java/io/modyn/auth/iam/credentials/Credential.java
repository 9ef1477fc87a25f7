package io.modyn.auth.iam.credentials;

import io.modyn.api.auth.Principal;
import io.modyn.auth.iam.sigv4.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * An access key: its id, the principal it belongs to, and its secret, which never leaves this
 * object. Signature Version 4 needs the secret only to derive signing keys, so that is all this
 * class offers; {@link #toString()} names the key id and principal, never the secret.
 *
 * <p>A long-term key (root, IAM user) is used without a session token. A temporary key (STS,
 * {@code ASIA...}) must come with the session token it was issued with; this object knows only
 * the token's SHA-256 (the store keeps nothing more), and its expiration.
 */
public final class Credential {

    private final String accessKeyId;
    private final Principal principal;
    /** {@code "AWS4" + secret}, the key of the first step of the derivation. */
    private final byte[] secretKeySeed;
    /** SHA-256 of the session token a temporary key requires; null for a long-term key. */
    private final byte[] sessionTokenHash;
    private final Instant expiration;

    /** A long-term key, used without a session token. */
    public Credential(String accessKeyId, String secretAccessKey, Principal principal) {
        this(accessKeyId, secretAccessKey, principal, null, null);
    }

    /**
     * A temporary key: requests must carry the session token whose SHA-256 ({@link #sessionTokenHash})
     * is given, and are refused from {@code expiration} on.
     */
    public Credential(String accessKeyId, String secretAccessKey, Principal principal, byte[] sessionTokenHash, Instant expiration) {
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
        this.principal = Objects.requireNonNull(principal, "principal");
        this.secretKeySeed = ("AWS4" + Objects.requireNonNull(secretAccessKey, "secretAccessKey")).getBytes(StandardCharsets.UTF_8);
        if ((sessionTokenHash == null) != (expiration == null)) {
            throw new IllegalArgumentException("a temporary credential has both a session token and an expiration");
        }
        this.sessionTokenHash = sessionTokenHash == null ? null : sessionTokenHash.clone();
        this.expiration = expiration;
    }

    /** The SHA-256 of a session token, as temporary credentials keep it. */
    public static byte[] sessionTokenHash(String sessionToken) {
        return Digests.sha256(sessionToken.getBytes(StandardCharsets.UTF_8));
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public Principal principal() {
        return principal;
    }

    /**
     * Whether a request may present this session token with this key: long-term keys are used
     * without one, temporary keys only with the one they were issued with (compared in constant time).
     */
    public boolean acceptsSessionToken(String sessionToken) {
        if (sessionTokenHash == null) return sessionToken == null;
        return sessionToken != null && MessageDigest.isEqual(sessionTokenHash, sessionTokenHash(sessionToken));
    }

    /** When a temporary key stops working; null for a long-term key. */
    public Instant expiration() {
        return expiration;
    }

    public boolean isTemporary() {
        return expiration != null;
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
