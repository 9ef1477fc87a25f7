package io.modyn.protocol.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys in PEM files, as operators get them from a CA, certbot, cert-manager
 * or {@code openssl}. Keys in PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA, EC or Ed25519) and in RSA's
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, re-wrapped here as PKCS#8); encrypted keys are refused with
 * the command that decrypts them, since the server has nowhere safe to take a passphrase from.
 */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    /** DER of PKCS#8's AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
            0x01, 0x01, 0x01, 0x05, 0x00};

    private PemFiles() {
    }

    /** Every certificate in the file, in order (the server's first, then its chain). */
    public static List<X509Certificate> certificates(Path file) throws IOException, TlsConfigurationException {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (!block.type().equals("CERTIFICATE")) continue;
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            }
        } catch (CertificateException e) {
            throw new TlsConfigurationException(file + " holds a certificate that cannot be read: " + e.getMessage());
        }
        if (certificates.isEmpty()) throw new TlsConfigurationException(file + " holds no PEM certificate (BEGIN CERTIFICATE)");
        return certificates;
    }

    /** The one private key in the file. */
    public static PrivateKey privateKey(Path file) throws IOException, TlsConfigurationException {
        for (Block block : blocks(file)) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return pkcs8(file, block.der());
                case "RSA PRIVATE KEY":
                    return pkcs8(file, rsaPkcs1AsPkcs8(block.der()));
                case "ENCRYPTED PRIVATE KEY":
                    throw new TlsConfigurationException(file + " holds an encrypted private key; decrypt it for the server with "
                            + "'openssl pkcs8 -in " + file + " -out KEY.pem' and keep that file readable by the server's user only");
                case "EC PRIVATE KEY":
                    throw new TlsConfigurationException(file + " holds an EC key in SEC1 form; convert it with "
                            + "'openssl pkcs8 -topk8 -nocrypt -in " + file + " -out KEY.pem'");
                default:
                    break;
            }
        }
        throw new TlsConfigurationException(file + " holds no PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws TlsConfigurationException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException wrongAlgorithm) {
                // try the next one: PKCS#8 names its algorithm, but KeyFactory wants it up front
            } catch (GeneralSecurityException e) {
                throw new TlsConfigurationException(file + ": " + e.getMessage());
            }
        }
        throw new TlsConfigurationException(file + " holds a private key of an unsupported type (RSA, EC and Ed25519 are supported)");
    }

    /** PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER 0, rsaEncryption, OCTET STRING { the PKCS#1 key } }. */
    private static byte[] rsaPkcs1AsPkcs8(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + RSA_ALGORITHM.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(RSA_ALGORITHM, 0, body, version.length, RSA_ALGORITHM.length);
        System.arraycopy(octets, 0, body, version.length + RSA_ALGORITHM.length, octets.length);
        return der(0x30, body);
    }

    /** One DER element: tag, definite length (short or long form), contents. */
    private static byte[] der(int tag, byte[] contents) {
        int length = contents.length;
        int lengthBytes = length < 0x80 ? 0 : (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[2 + lengthBytes + length];
        out[0] = (byte) tag;
        if (lengthBytes == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthBytes);
            for (int i = 0; i < lengthBytes; i++) out[2 + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
        }
        System.arraycopy(contents, 0, out, 2 + lengthBytes, length);
        return out;
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws IOException, TlsConfigurationException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new TlsConfigurationException(file + " has a " + matcher.group(1) + " block that is not valid Base64");
            }
        }
        return blocks;
    }
}
