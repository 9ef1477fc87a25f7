package io.modyn.kms.keys;

import io.modyn.api.crypto.RootKeySource;
import java.security.GeneralSecurityException;

/** A root key held in memory, for tests of what is built on it. */
public final class TestRootKey implements RootKeySource {

    private final byte[] key = AesGcm.randomBytes(32);

    @Override
    public String description() {
        return "test key in memory";
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
