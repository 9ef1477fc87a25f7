package io.modyn.api.crypto;

/**
 * A data key issued by {@link KeyManager#generateDataKey}: the plaintext to encrypt with, and the
 * same key encrypted under the master key, which is what gets stored.
 *
 * @param keyArn the ARN of the master key (its version is inside the ciphertext)
 * @param plaintext the data key (32 bytes for AES-256); keep it in memory only, and not for long
 * @param ciphertextBlob the data key encrypted under the master key, as KMS's {@code CiphertextBlob}
 */
public record DataKey(String keyArn, byte[] plaintext, byte[] ciphertextBlob) {
}
