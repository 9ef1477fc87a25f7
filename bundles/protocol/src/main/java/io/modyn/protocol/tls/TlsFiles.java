package io.modyn.protocol.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the endpoint's TLS material lives: the server's certificate chain and private key (PEM), and
 * optionally the CA certificates that client certificates must chain to (then every client must
 * present one).
 *
 * @param certificateChain PEM certificates, the server's first
 * @param privateKey its PEM private key
 * @param clientCertificateAuthorities PEM CA certificates for client certificates, or null
 */
public record TlsFiles(Path certificateChain, Path privateKey, Path clientCertificateAuthorities) {

    public TlsFiles {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public boolean requiresClientCertificates() {
        return clientCertificateAuthorities != null;
    }
}
