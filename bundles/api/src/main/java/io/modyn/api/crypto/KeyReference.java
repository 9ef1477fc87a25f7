package io.modyn.api.crypto;

/**
 * A customer master key as {@link KeyManager#resolve} found it.
 *
 * @param keyId the key's id (a UUID)
 * @param arn the key's ARN, {@code arn:aws:kms:<region>:<account>:key/<id>}
 * @param state the AWS key state: {@code Enabled}, {@code Disabled} or {@code PendingDeletion}
 */
public record KeyReference(String keyId, String arn, String state) {

    public boolean enabled() {
        return "Enabled".equals(state);
    }
}
