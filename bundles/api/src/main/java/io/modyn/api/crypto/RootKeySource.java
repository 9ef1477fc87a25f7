package io.modyn.api.crypto;

import java.security.GeneralSecurityException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The root key-encryption key of the server: it wraps the material of every KMS key before the
 * material goes to storage, and is itself never stored there. A third-party extension point.
 *
 * <p>The kms bundle uses a file-based default (the file named by {@code --kms-root-key-file} or
 * {@code MODYN_KMS_ROOT_KEY_FILE}, else {@code secrets/kms-root.key} generated beside the data
 * directory). To keep the root key in a hardware security module (PKCS#11) or a vault instead,
 * register an implementation of this interface as an OSGi service: the kms component prefers a
 * registered source to its own file, and restarts with it when one appears. The key need never leave
 * the device: the kms bundle only asks for {@link #wrap} and {@link #unwrap}.
 *
 * <p>At its first start the kms bundle stores a check value wrapped by the source; at every later
 * start it unwraps it, and refuses to serve keys if that fails, so a replaced or wrong root key is
 * detected before anything is written. Calls come from several threads at once.
 */
@ConsumerType
public interface RootKeySource {

    /** Where the key is, for logs and error messages (a file name, a device and label); never the key. */
    String description();

    /**
     * Encrypts and authenticates key material with the root key, binding the associated data: the
     * result opens only with the same associated data.
     */
    byte[] wrap(byte[] keyMaterial, byte[] associatedData);

    /**
     * Opens what {@link #wrap} returned.
     *
     * @throws GeneralSecurityException if the bytes were not wrapped by this root key with this
     *     associated data, or were changed
     */
    byte[] unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException;
}
