package io.modyn.api.crypto;

import io.modyn.api.dynamodb.RequestContext;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The key service (the kms bundle provides it): customer master keys, found by id, ARN, alias name
 * or alias ARN, issue data keys for envelope encryption and open them again. The material of the
 * master keys never leaves the service; after a rotation every older version still opens what it
 * sealed, and new data keys use the newest.
 *
 * <p>The encryption context is bound into every ciphertext as authenticated data: a data key opens
 * only with exactly the context it was issued with (the engine binds the table, for example).
 * Every method throws {@link KeyManagerException} with KMS's error type when it refuses: an unknown
 * key ({@code NotFoundException}), a disabled one ({@code DisabledException}), one pending deletion
 * ({@code KMSInvalidStateException}), a ciphertext that does not open
 * ({@code InvalidCiphertextException}). Thread-safe.
 *
 * <p>The methods taking a {@link RequestContext} act on behalf of the caller of a DynamoDB request,
 * as DynamoDB calls KMS for its caller: when an authorizer is bound, the key service authorizes
 * that caller for {@code kms:DescribeKey}, {@code kms:GenerateDataKey} or {@code kms:Decrypt} on
 * the key with {@code kms:ViaService} = {@code dynamodb.<region>.amazonaws.com} (which the policy
 * of the AWS managed key {@code alias/aws/dynamodb} requires) and refuses with
 * {@code AccessDeniedException}. The methods without one act for the server itself.
 */
@ProviderType
public interface KeyManager {

    /** The master key named by its id, ARN, alias name ({@code alias/...}) or alias ARN. */
    KeyReference resolve(String keyIdOrAliasOrArn);

    /** A new AES-256 data key under the (enabled) master key, bound to the encryption context. */
    DataKey generateDataKey(String keyIdOrAliasOrArn, Map<String, String> encryptionContext);

    /**
     * The plaintext of a data key from its {@link DataKey#ciphertextBlob}, which names its master
     * key and key version; the encryption context must be the one it was issued with.
     */
    byte[] decryptDataKey(byte[] ciphertextBlob, Map<String, String> encryptionContext);

    /** {@link #resolve(String)} on behalf of the caller of a DynamoDB request (see above). */
    default KeyReference resolve(String keyIdOrAliasOrArn, RequestContext onBehalfOf) {
        return resolve(keyIdOrAliasOrArn);
    }

    /** {@link #generateDataKey(String, Map)} on behalf of the caller of a DynamoDB request (see above). */
    default DataKey generateDataKey(String keyIdOrAliasOrArn, Map<String, String> encryptionContext, RequestContext onBehalfOf) {
        return generateDataKey(keyIdOrAliasOrArn, encryptionContext);
    }

    /** {@link #decryptDataKey(byte[], Map)} on behalf of the caller of a DynamoDB request (see above). */
    default byte[] decryptDataKey(byte[] ciphertextBlob, Map<String, String> encryptionContext, RequestContext onBehalfOf) {
        return decryptDataKey(ciphertextBlob, encryptionContext);
    }

    /**
     * Wraps an existing data key under the (enabled) master key, bound to the encryption context:
     * for moving a table's data keys to another master key without changing what they sealed.
     */
    DataKey encryptDataKey(String keyIdOrAliasOrArn, byte[] plaintext, Map<String, String> encryptionContext);
}
