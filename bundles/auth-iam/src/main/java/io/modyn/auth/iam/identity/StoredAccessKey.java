package io.modyn.auth.iam.identity;

/** An access key's record: its metadata and its secret as sealed by {@link SecretSealer}. */
record StoredAccessKey(AccessKey key, byte[] sealedSecret) {
}
