package io.modyn.kms.rootkey;

import io.modyn.api.crypto.RootKeySource;
import io.modyn.kms.keys.AesGcm;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A root key handed to the server in the environment variable {@value #VARIABLE} (32 bytes in
 * Base64), for platforms that inject secrets as environment variables (container orchestrators,
 * CI) rather than files. Wraps exactly as {@link FileRootKeySource} does, so a key can move between
 * a file and the variable. The value appears in no log or message, only the variable's name.
 */
public final class EnvironmentRootKeySource implements RootKeySource {

    public static final String VARIABLE = "MODYN_KMS_ROOT_KEY";

    private final byte[] key;

    private EnvironmentRootKeySource(byte[] key) {
        this.key = key;
    }

    /** The key in the variable's value; IllegalStateException (naming the variable, never the value) if it is not 32 bytes in Base64. */
    public static EnvironmentRootKeySource of(String value) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != FileRootKeySource.KEY_BYTES) {
            throw new IllegalStateException("The environment variable " + VARIABLE + " must hold the KMS root key as "
                    + FileRootKeySource.KEY_BYTES + " bytes in Base64 (e.g. from: head -c 32 /dev/urandom | base64)");
        }
        return new EnvironmentRootKeySource(key);
    }

    @Override
    public String description() {
        return "environment variable " + VARIABLE;
    }

    @Override
    public byte[] wrap(byte[] keyMaterial, byte[] associatedData) {
        return AesGcm.sealWithNonce(key, keyMaterial, associatedData);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
        return AesGcm.openWithNonce(key, wrapped, associatedData);
    }
}
