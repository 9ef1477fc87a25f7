package io.modyn.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private CA with a server certificate for 127.0.0.1/localhost and a client certificate, made with
 * the {@code openssl} command as an operator would make them, in PEM files the server reads.
 */
public final class TestCertificates {

    private static final char[] PASSWORD = "modyn-itests".toCharArray();
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    /** A fresh CA, server and client certificate in {@code directory} (emptied first). */
    public static TestCertificates create(Path directory) {
        DirectoryTree.delete(directory);
        TestCertificates certificates = new TestCertificates(directory);
        try {
            Files.createDirectories(directory);
            certificates.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Modyn Test CA");
            certificates.issue("server", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
            certificates.issue("client", "extendedKeyUsage=clientAuth\n");
            certificates.openssl("pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-out", "client.p12",
                    "-passout", "pass:" + new String(PASSWORD));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write test certificates in " + directory, e);
        }
        return certificates;
    }

    public Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    public Path serverCertificate() {
        return directory.resolve("server.pem");
    }

    public Path serverKey() {
        return directory.resolve("server.key");
    }

    /** The {@code bin/modyn} options serving HTTPS with the server certificate. */
    public List<String> serverOptions() {
        return List.of("--tls-cert", serverCertificate().toString(), "--tls-key", serverKey().toString());
    }

    /** The server certificate's serial number as it is on disk now. */
    public BigInteger serverSerial() {
        try (InputStream in = Files.newInputStream(serverCertificate())) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getSerialNumber();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new key and certificate for the server, moved over the old files one after the other (key
     * first), as a renewal tool does: for a moment the key on disk does not match the certificate.
     */
    public void renewServerCertificate() {
        try {
            issue("renewed", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
            Files.move(directory.resolve("renewed.key"), serverKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(directory.resolve("renewed.pem"), serverCertificate(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts the test CA only. */
    public TrustManager[] trustManagers() {
        try (InputStream in = Files.newInputStream(caCertificate())) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Presents the client certificate. */
    public KeyManager[] clientKeyManagers() {
        try (InputStream in = Files.newInputStream(directory.resolve("client.p12"))) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD);
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context trusting the test CA, presenting no certificate. */
    public SSLContext trustingCa() {
        return context(null);
    }

    /** A client context trusting the test CA and presenting the client certificate. */
    public SSLContext withClientCertificate() {
        return context(clientKeyManagers());
    }

    private SSLContext context(KeyManager[] keyManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code name.key} and {@code name.pem}, signed by the CA, with these X.509 v3 extensions. */
    private void issue(String name, String extensions) throws IOException {
        Files.writeString(directory.resolve(name + ".ext"), extensions, StandardCharsets.US_ASCII);
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=" + name);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-set_serial", Long.toString(SERIALS.incrementAndGet()), "-days", "2", "-out", name + ".pem",
                "-extfile", name + ".ext");
    }

    private void openssl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
