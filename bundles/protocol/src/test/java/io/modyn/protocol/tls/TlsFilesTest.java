package io.modyn.protocol.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PEM files operators bring, as {@code openssl} writes them: the key forms read, the ones
 * refused with the command that converts them, a key that is not the certificate's, and a reload
 * that keeps the previous certificate until the new files fit together.
 */
class TlsFilesTest {

    @TempDir
    Path directory;

    @Test
    void readsPkcs8KeysOfEveryCommonTypeAndRsaPkcs1Keys() throws Exception {
        for (String algorithm : List.of("rsa:2048", "ec", "ed25519")) {
            selfSigned("server", algorithm);
            ServerCredentials credentials = ServerCredentials.read(files());
            assertEquals("CN=server", credentials.certificate().getSubjectX500Principal().getName(), algorithm);
        }
        selfSigned("server", "rsa:2048");
        openssl("pkey", "-in", "server.key", "-traditional", "-out", "server-pkcs1.key");
        assertTrue(Files.readString(directory.resolve("server-pkcs1.key")).contains("BEGIN RSA PRIVATE KEY"));
        ServerCredentials pkcs1 = ServerCredentials.read(new TlsFiles(directory.resolve("server.pem"),
                directory.resolve("server-pkcs1.key"), null));
        assertEquals("CN=server", pkcs1.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void refusesEncryptedAndSec1KeysWithTheCommandThatConvertsThem() throws Exception {
        selfSigned("server", "ec");
        openssl("pkcs8", "-topk8", "-in", "server.key", "-passout", "pass:secret", "-out", "encrypted.key");
        TlsConfigurationException encrypted = assertThrows(TlsConfigurationException.class,
                () -> PemFiles.privateKey(directory.resolve("encrypted.key")));
        assertTrue(encrypted.getMessage().contains("encrypted private key") && encrypted.getMessage().contains("openssl pkcs8"),
                encrypted.getMessage());
        openssl("ec", "-in", "server.key", "-out", "sec1.key");
        TlsConfigurationException sec1 = assertThrows(TlsConfigurationException.class, () -> PemFiles.privateKey(directory.resolve("sec1.key")));
        assertTrue(sec1.getMessage().contains("-topk8 -nocrypt"), sec1.getMessage());
    }

    @Test
    void refusesAKeyThatIsNotTheCertificatesAndFilesWithoutPem() throws Exception {
        selfSigned("server", "ec");
        selfSigned("other", "ec");
        TlsConfigurationException mismatch = assertThrows(TlsConfigurationException.class,
                () -> ServerCredentials.read(new TlsFiles(directory.resolve("server.pem"), directory.resolve("other.key"), null)));
        assertTrue(mismatch.getMessage().contains("does not belong to the certificate"), mismatch.getMessage());

        Files.writeString(directory.resolve("empty.pem"), "not a certificate\n");
        assertThrows(TlsConfigurationException.class, () -> PemFiles.certificates(directory.resolve("empty.pem")));
        assertThrows(TlsConfigurationException.class, () -> PemFiles.privateKey(directory.resolve("empty.pem")));
    }

    @Test
    void aReloadKeepsThePreviousCertificateUntilKeyAndCertificateFitTogether() throws Exception {
        selfSigned("server", "ec");
        try (ServerTls tls = ServerTls.start(files(), Duration.ofHours(1))) {
            BigInteger first = presented(tls);
            selfSigned("next", "ec");
            // Half a renewal: the new key beside the old certificate.
            Files.copy(directory.resolve("next.key"), directory.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
            tls.reloadIfChanged();
            assertEquals(first, presented(tls), "the mismatched pair is not served");
            Files.copy(directory.resolve("next.pem"), directory.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
            tls.reloadIfChanged();
            BigInteger renewed = presented(tls);
            assertNotEquals(first, renewed);
        }
    }

    /** The certificate a handshake would present now. */
    private static BigInteger presented(ServerTls tls) {
        SSLEngine engine = tls.context().createSSLEngine();
        String alias = tls.keyManager().chooseEngineServerAlias("EC", null, engine);
        return tls.keyManager().getCertificateChain(alias)[0].getSerialNumber();
    }

    private TlsFiles files() {
        return new TlsFiles(directory.resolve("server.pem"), directory.resolve("server.key"), null);
    }

    /** {@code name.key} (PKCS#8) and a self-signed {@code name.pem} with a fresh random serial. */
    private void selfSigned(String name, String algorithm) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=" + name,
                "-keyout", name + ".key", "-out", name + ".pem"));
        if (algorithm.equals("ec")) {
            arguments.addAll(List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        } else {
            arguments.addAll(List.of("-newkey", algorithm));
        }
        openssl(arguments.toArray(new String[0]));
    }

    private void openssl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
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
