package io.modyn.auth.iam.identity;

/** A session's record: its metadata, the SHA-256 of its token, and its secret as sealed by {@link SecretSealer}. */
record StoredSession(Session session, byte[] sessionTokenHash, byte[] sealedSecret) {
}
