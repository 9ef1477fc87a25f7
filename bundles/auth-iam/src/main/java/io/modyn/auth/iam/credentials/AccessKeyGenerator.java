package io.modyn.auth.iam.credentials;

import java.security.SecureRandom;

/**
 * New access keys in AWS's shapes: an id of {@code AKIA} and 16 upper-case letters and digits, and
 * a 40-character secret of base64 characters, both from {@link SecureRandom} (240 bits of secret).
 */
public final class AccessKeyGenerator {

    private static final String TEMPORARY_PREFIX = "ASIA";
    private static final String ID_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final SecureRandom random;

    public AccessKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    public String newAccessKeyId() {
        return "AKIA" + randomText(ID_DIGITS, 16);
    }

    /** The id of a temporary (STS) key: {@code ASIA} and 16 upper-case letters and digits, as AWS's. */
    public String newTemporaryAccessKeyId() {
        return TEMPORARY_PREFIX + randomText(ID_DIGITS, 16);
    }

    /** Whether an access key id has the shape of a temporary key's. */
    public static boolean isTemporary(String accessKeyId) {
        return accessKeyId.startsWith(TEMPORARY_PREFIX);
    }

    public String newSecretAccessKey() {
        return randomText(SECRET_ALPHABET, 40);
    }

    private String randomText(String alphabet, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(text);
    }
}
