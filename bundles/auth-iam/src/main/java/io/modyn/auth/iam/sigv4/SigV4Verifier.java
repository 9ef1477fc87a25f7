package io.modyn.auth.iam.sigv4;

import io.modyn.api.auth.SignedRequest;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.credentials.CredentialLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies a request's Signature Version 4 and names the credential that made it, checking in
 * DynamoDB's order, so that a request with several faults gets the error DynamoDB would give:
 *
 * <ol>
 * <li>complete signature parameters and a date in basic format ({@code IncompleteSignatureException});
 * <li>the date within 15 minutes of the server's clock, or a presigned request within its
 *     {@code X-Amz-Expires} ({@code InvalidSignatureException}: "Signature expired", "not yet current");
 * <li>{@code host} among the signed headers, the algorithm, a five-part credential;
 * <li>the credential scope: this server's region, the request's service, the request's date,
 *     {@code aws4_request} (every wrong part named in one {@code InvalidSignatureException});
 * <li>a known access key ({@code UnrecognizedClientException});
 * <li>the signature itself, compared in constant time ({@code InvalidSignatureException});
 * <li>the session token the key requires ({@code UnrecognizedClientException});
 * <li>a temporary key's expiration ({@code ExpiredTokenException}).
 * </ol>
 *
 * <p>Plain Java, no OSGi: the component builds it from the configuration.
 */
public final class SigV4Verifier {

    /** How far a request's time may be from the server's, either way, as AWS allows. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(SigV4Verifier.class.getName());

    private final String region;
    private final CredentialLookup credentials;
    private final Function<SignedRequest, List<String>> services;
    private final Clock clock;
    private final SigningKeyCache signingKeys = new SigningKeyCache(SigningKeyCache.DEFAULT_MAX_ENTRIES);

    /**
     * @param region the region this server is; signatures must be scoped to it
     * @param services the service names a request may be signed for ({@link SigningServices#accepted})
     */
    public SigV4Verifier(String region, CredentialLookup credentials, Function<SignedRequest, List<String>> services, Clock clock) {
        this.region = region;
        this.credentials = credentials;
        this.services = services;
        this.clock = clock;
    }

    /**
     * @return the credential that signed the request
     * @throws io.modyn.api.model.DynamoException the first fault found, as DynamoDB reports it
     */
    public Credential verify(SignedRequest request) {
        SignatureParameters signature = SignatureParameters.read(request);
        checkTime(signature, clock.instant());
        if (!signature.signedHeaderNames().contains("host")) {
            throw SignatureErrors.invalid(SignatureErrors.HOST_NOT_SIGNED);
        }
        if (!SignatureParameters.ALGORITHM.equals(signature.algorithm())) {
            throw SignatureErrors.unsupportedAlgorithm(signature.algorithm());
        }
        CredentialScope scope = CredentialScope.parse(signature.credential());
        checkScope(scope, signature, services.apply(request));
        Credential credential = credentials.find(scope.accessKeyId());
        if (credential == null) {
            throw SignatureErrors.unrecognized(SignatureErrors.UNKNOWN_ACCESS_KEY);
        }
        String canonicalRequest = CanonicalRequest.of(request, signature);
        String stringToSign = stringToSign(signature.dateText(), scope, canonicalRequest);
        byte[] signingKey = signingKeys.signingKey(credential, scope.date(), scope.region(), scope.service());
        byte[] expected = Digests.hex(Digests.hmacSha256(signingKey, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.signature().getBytes(StandardCharsets.US_ASCII))) {
            logMismatch(credential, canonicalRequest, stringToSign);
            throw SignatureErrors.invalid(SignatureErrors.MISMATCH);
        }
        if (!credential.acceptsSessionToken(signature.securityToken())) {
            // A temporary key without its own token is as unknown as a key that does not exist, as in AWS,
            // where the token is what names the session.
            throw SignatureErrors.unrecognized(credential.isTemporary() ? SignatureErrors.UNKNOWN_ACCESS_KEY
                    : SignatureErrors.INVALID_SESSION_TOKEN);
        }
        if (credential.isTemporary() && !clock.instant().isBefore(credential.expiration())) {
            throw SignatureErrors.expiredToken();
        }
        return credential;
    }

    /** The service named in the credential scope of a request that {@link #verify} accepted. */
    public static String signedService(SignedRequest request) {
        return CredentialScope.parse(SignatureParameters.read(request).credential()).service();
    }

    /** AWS4-HMAC-SHA256, the request time, the scope, the canonical request's hash, one per line. */
    static String stringToSign(String requestTime, CredentialScope scope, String canonicalRequest) {
        return SignatureParameters.ALGORITHM + '\n' + requestTime + '\n' + scope.scope() + '\n' + Digests.sha256Hex(canonicalRequest);
    }

    private static void checkTime(SignatureParameters signature, Instant now) {
        Instant signedAt = signature.signedAt();
        if (signedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw SignatureErrors.notYetCurrent(signedAt, now, MAX_CLOCK_SKEW);
        }
        Duration validity = signature.expires() != null ? signature.expires() : MAX_CLOCK_SKEW;
        if (signedAt.isBefore(now.minus(validity))) {
            throw SignatureErrors.expired(signedAt, now, validity);
        }
    }

    private void checkScope(CredentialScope scope, SignatureParameters signature, List<String> acceptedServices) {
        List<String> problems = new ArrayList<>(4);
        if (!scope.region().equals(region)) {
            problems.add(SignatureErrors.wrongRegion());
        }
        if (!acceptedServices.contains(scope.service())) {
            problems.add(SignatureErrors.wrongService(acceptedServices.get(0)));
        }
        if (!scope.terminator().equals(CredentialScope.TERMINATOR)) {
            problems.add(SignatureErrors.wrongTerminator(scope.terminator()));
        }
        String requestDate = signature.dateText().substring(0, 8);
        if (!scope.date().equals(requestDate)) {
            problems.add(SignatureErrors.wrongDate(scope.date(), requestDate, signature.dateText()));
        }
        if (!problems.isEmpty()) {
            throw SignatureErrors.wrongScope(problems);
        }
    }

    /**
     * What a client needs to find its signing mistake; a session token it sent is not repeated, nor
     * any other signed header named like a token (the admin endpoint's {@code x-modyn-admin-token}).
     */
    private static void logMismatch(Credential credential, String canonicalRequest, String stringToSign) {
        if (LOG.isLoggable(Level.FINE)) {
            String shown = canonicalRequest.replaceAll("(?m)^([a-z0-9-]*token:).*$", "$1<redacted>")
                    .replaceAll("(X-Amz-Security-Token=)[^&\\n]*", "$1<redacted>");
            LOG.fine("Signature mismatch for access key " + credential.accessKeyId() + ". Canonical request:\n" + shown
                    + "\nString to sign:\n" + stringToSign);
        }
    }
}
