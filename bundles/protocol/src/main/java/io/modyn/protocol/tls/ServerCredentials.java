package io.modyn.protocol.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One reading of the TLS files: the key manager presenting the server's certificate and, when
 * client certificates are required, the trust manager checking them. A key that does not belong to
 * the certificate is refused here, when the files are read, rather than at the first handshake.
 */
record ServerCredentials(X509ExtendedKeyManager keyManager, X509ExtendedTrustManager trustManager, X509Certificate certificate) {

    private static final char[] IN_MEMORY_PASSWORD = "modyn".toCharArray();

    static ServerCredentials read(TlsFiles files) throws IOException, TlsConfigurationException {
        List<X509Certificate> chain = PemFiles.certificates(files.certificateChain());
        PrivateKey key = PemFiles.privateKey(files.privateKey());
        requireMatch(files, key, chain.get(0).getPublicKey());
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY_PASSWORD);
            X509ExtendedTrustManager trustManager = files.requiresClientCertificates()
                    ? trustManager(PemFiles.certificates(files.clientCertificateAuthorities())) : null;
            return new ServerCredentials(only(X509ExtendedKeyManager.class, keyManagers.getKeyManagers()), trustManager, chain.get(0));
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("the TLS files cannot be used: " + e.getMessage());
        }
    }

    private static X509ExtendedTrustManager trustManager(List<X509Certificate> authorities) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < authorities.size(); i++) trusted.setCertificateEntry("ca-" + i, authorities.get(i));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return only(X509ExtendedTrustManager.class, factory.getTrustManagers());
    }

    /** Signs and verifies a random message: the only check that works for every key type. */
    private static void requireMatch(TlsFiles files, PrivateKey key, PublicKey certificateKey) throws TlsConfigurationException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) return;
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(probe);
            if (verifier.verify(signature)) return;
        } catch (GeneralSecurityException mismatch) {
            // a key of another type than the certificate's: not its key either
        }
        throw new TlsConfigurationException("the private key in " + files.privateKey() + " does not belong to the certificate in "
                + files.certificateChain());
    }

    private static <T> T only(Class<T> type, Object[] managers) throws GeneralSecurityException {
        for (Object manager : managers) {
            if (type.isInstance(manager)) return type.cast(manager);
        }
        throw new GeneralSecurityException("the JDK offers no " + type.getSimpleName());
    }

    static KeyManager[] keyManagers(X509ExtendedKeyManager manager) {
        return new KeyManager[] {manager};
    }

    static TrustManager[] trustManagers(X509ExtendedTrustManager manager) {
        return manager == null ? null : new TrustManager[] {manager};
    }
}
