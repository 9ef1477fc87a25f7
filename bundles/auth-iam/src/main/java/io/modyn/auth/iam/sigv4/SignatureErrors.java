package io.modyn.auth.iam.sigv4;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * DynamoDB's answers to a signature it refuses, word for word (the forms AWS services built on its
 * request framework send; see the README's Authentication section). None of them quotes a secret,
 * and none quotes the canonical request: that goes to the log at FINE only.
 */
public final class SignatureErrors {

    public static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    public static final String UNKNOWN_ACCESS_KEY = "The security token included in the request is invalid.";
    /** A known key presented with a session token it was not issued with (no trailing period, as DynamoDB sends it). */
    public static final String INVALID_SESSION_TOKEN = "The security token included in the request is invalid";
    /** Temporary credentials past their expiration (no trailing period, as AWS sends it). */
    public static final String EXPIRED_TOKEN = "The security token included in the request is expired";
    public static final String HOST_NOT_SIGNED = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";

    private SignatureErrors() {
    }

    static DynamoException incomplete(String message) {
        return new DynamoException(ErrorType.INCOMPLETE_SIGNATURE, message);
    }

    static DynamoException invalid(String message) {
        return new DynamoException(ErrorType.INVALID_SIGNATURE, message);
    }

    static DynamoException unrecognized(String message) {
        return new DynamoException(ErrorType.UNRECOGNIZED_CLIENT, message);
    }

    static DynamoException expiredToken() {
        return new DynamoException(ErrorType.EXPIRED_TOKEN, EXPIRED_TOKEN);
    }

    static DynamoException missingEqualSign(String token, String authorization) {
        return incomplete("'" + token + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + authorization + "'.");
    }

    static DynamoException badDate(String value) {
        return incomplete("Date must be in ISO-8601 'basic format'. Got '" + value + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    static DynamoException unsupportedAlgorithm(String algorithm) {
        return incomplete("Unsupported AWS 'algorithm': '" + algorithm + "' (only " + SignatureParameters.ALGORITHM + " for now). ");
    }

    static DynamoException credentialParts(String credential) {
        return incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                + credential + "'");
    }

    /** "Signature expired: 20260101T000000Z is now earlier than 20260101T000500Z (20260101T001500Z - 15 min.)" */
    static DynamoException expired(Instant signedAt, Instant now, Duration window) {
        return invalid("Signature expired: " + AmzDate.format(signedAt) + " is now earlier than "
                + AmzDate.format(now.minus(window)) + " (" + AmzDate.format(now) + " - " + describe(window) + ".)");
    }

    /** "Signature not yet current: 20260101T003000Z is still later than 20260101T001500Z (20260101T000000Z + 15 min.)" */
    static DynamoException notYetCurrent(Instant signedAt, Instant now, Duration window) {
        return invalid("Signature not yet current: " + AmzDate.format(signedAt) + " is still later than "
                + AmzDate.format(now.plus(window)) + " (" + AmzDate.format(now) + " + " + describe(window) + ".)");
    }

    private static String describe(Duration window) {
        long seconds = window.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " sec";
    }

    /** Every wrong part of the credential scope, one sentence each, in one message. */
    static DynamoException wrongScope(List<String> problems) {
        StringBuilder message = new StringBuilder();
        for (String problem : problems) {
            message.append(problem).append(". ");
        }
        return invalid(message.toString());
    }

    static String wrongRegion() {
        return "Credential should be scoped to a valid region";
    }

    static String wrongService(String expected) {
        return "Credential should be scoped to correct service: '" + expected + "'";
    }

    static String wrongTerminator(String terminator) {
        return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'";
    }

    static String wrongDate(String scopeDate, String requestDate, String requestTime) {
        return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                + scopeDate + "' != '" + requestDate + "', from '" + requestTime + "'";
    }
}
