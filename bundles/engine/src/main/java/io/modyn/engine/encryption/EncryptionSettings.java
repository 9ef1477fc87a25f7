package io.modyn.engine.encryption;

import java.time.Duration;

/**
 * How the engine encrypts tables at rest.
 *
 * @param encryptAll seal the values of tables under the owned key too (tables created without an
 *     SSESpecification); off by default, so that a data directory stays readable without a key file
 * @param dataKeyCacheTime how long a table's plaintext data keys stay in memory before they are
 *     unwrapped again by the key service
 * @param keyCheckInterval how often, at most, the state of a table's master key (enabled, disabled,
 *     deleted) and the table's key record are checked again while the table is in use
 */
public record EncryptionSettings(boolean encryptAll, Duration dataKeyCacheTime, Duration keyCheckInterval) {

    public static final long DEFAULT_DATA_KEY_CACHE_SECONDS = 300;
    public static final long DEFAULT_KEY_CHECK_MILLIS = 1000;

    public static EncryptionSettings defaults() {
        return new EncryptionSettings(false, Duration.ofSeconds(DEFAULT_DATA_KEY_CACHE_SECONDS), Duration.ofMillis(DEFAULT_KEY_CHECK_MILLIS));
    }
}
