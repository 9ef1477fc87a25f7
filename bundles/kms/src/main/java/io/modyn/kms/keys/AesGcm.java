package io.modyn.kms.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a fresh random 96-bit nonce per message and a 128-bit tag: the one cipher this
 * bundle uses, for key material under the root key and for KMS ciphertexts under key versions.
 */
public final class AesGcm {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The ciphertext with its tag (no nonce). */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; throws if the key, nonce, associated data or any byte differs from sealing. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed);
    }

    /** nonce || sealed, for stored values that carry their own nonce. */
    public static byte[] sealWithNonce(byte[] key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = newNonce();
        byte[] sealed = seal(key, nonce, plaintext, associatedData);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    public static byte[] openWithNonce(byte[] key, byte[] value, byte[] associatedData) throws GeneralSecurityException {
        if (value.length < NONCE_BYTES + TAG_BYTES) {
            throw new GeneralSecurityException("too short to be sealed");
        }
        return open(key, Arrays.copyOf(value, NONCE_BYTES), Arrays.copyOfRange(value, NONCE_BYTES, value.length), associatedData);
    }
}
