package io.modyn.engine.encryption;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.SseDescription;
import io.modyn.api.model.SseSpecification;
import java.time.Instant;

/**
 * The SSESpecification of CreateTable and UpdateTable, checked with DynamoDB's messages, and the
 * SSEDescription DescribeTable reports. {@code {}} or {@code Enabled: false} is the owned key;
 * {@code Enabled: true} or {@code SSEType: KMS} without a key id the AWS managed key
 * ({@value TableKeys#AWS_MANAGED_KEY}); with a key id (id, ARN, alias name or alias ARN) that key.
 */
public final class SseSpecifications {

    /** What a specification asks for: the kind of key and the key named (null for the owned key). */
    public record Choice(KeyRing.Mode mode, String masterKeyId) {
    }

    private SseSpecifications() {
    }

    /** Checks a specification; throws DynamoDB's ValidationException for the shapes DynamoDB refuses. */
    public static Choice choose(SseSpecification sse) {
        if (sse == null) return null;
        String type = sse.sseType();
        if (type != null && !type.equals("KMS") && !type.equals("AES256")) {
            throw DynamoException.validation("1 validation error detected: Value '" + type
                    + "' at 'sSESpecification.sSEType' failed to satisfy constraint: Member must satisfy enum value set: [AES256, KMS]");
        }
        if (Boolean.FALSE.equals(sse.enabled())) {
            if (type != null) throw invalid("SSEType can not be specified if Enabled is false");
            if (sse.kmsMasterKeyId() != null) throw invalid("KMSMasterKeyId can not be specified if Enabled is false");
            return new Choice(KeyRing.Mode.OWNED, null);
        }
        if ("AES256".equals(type)) throw invalid("SSEType AES256 is not supported");
        if (sse.kmsMasterKeyId() != null && type == null) throw invalid("SSEType KMS is required if KMSMasterKeyId is specified");
        if (sse.enabled() == null && type == null) return new Choice(KeyRing.Mode.OWNED, null);
        String keyId = sse.kmsMasterKeyId();
        if (keyId == null || keyId.equals(TableKeys.AWS_MANAGED_KEY) || keyId.endsWith(":" + TableKeys.AWS_MANAGED_KEY)) {
            return new Choice(KeyRing.Mode.AWS_MANAGED, TableKeys.AWS_MANAGED_KEY);
        }
        return new Choice(KeyRing.Mode.CUSTOMER, keyId);
    }

    /** The SSEDescription of a table with this key record; null for the owned key (DynamoDB shows none). */
    public static SseDescription describe(KeyRing ring, String status) {
        if (ring == null || !ring.mode().described()) return null;
        Instant inaccessible = ring.inaccessibleSinceMillis() == 0 ? null : Instant.ofEpochMilli(ring.inaccessibleSinceMillis());
        return new SseDescription(status, SseDescription.KMS, ring.masterKeyArn(), inaccessible);
    }

    private static DynamoException invalid(String detail) {
        return DynamoException.validation("One or more parameter values were invalid: " + detail);
    }
}
