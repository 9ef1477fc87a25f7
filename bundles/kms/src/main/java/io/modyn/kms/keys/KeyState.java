package io.modyn.kms.keys;

/** The states a customer key of this server can be in, named as AWS KMS's {@code KeyState}. */
public enum KeyState {
    Enabled, Disabled, PendingDeletion
}
