package io.modyn.auth.iam.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secret access keys for storage with AES-256-GCM under the server key
 * ({@link SecretKeyFile}): a fresh 96-bit nonce per seal, a 128-bit tag, and the user name and
 * access key id as associated data, so a sealed secret copied onto another key or user record
 * does not open. Layout: version byte {@code 1}, nonce, ciphertext with tag.
 */
public final class SecretSealer {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    public SecretSealer(SecretKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    public byte[] seal(String secret, String userName, String accessKeyId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(userName, accessKeyId));
            byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[1 + NONCE_BYTES + ciphertext.length];
            sealed[0] = VERSION;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
            System.arraycopy(ciphertext, 0, sealed, 1 + NONCE_BYTES, ciphertext.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * @throws IllegalStateException if the sealed bytes were changed, belong to another user or key,
     *     or were sealed under another server key (the message names the key id only)
     */
    public String open(byte[] sealed, String userName, String accessKeyId) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("The stored secret of access key " + accessKeyId + " is not in a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(associatedData(userName, accessKeyId));
            return new String(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored secret of access key " + accessKeyId
                    + " does not open: changed, moved, or sealed under another iam-secret.key");
        }
    }

    private static byte[] associatedData(String userName, String accessKeyId) {
        return ("modyn.iam access key\0" + userName + "\0" + accessKeyId).getBytes(StandardCharsets.UTF_8);
    }
}
