package io.modyn.protocol.tls;

/** TLS files that cannot serve: missing, unreadable, malformed, or a key that does not match its certificate. */
public final class TlsConfigurationException extends Exception {

    public TlsConfigurationException(String message) {
        super(message);
    }
}
