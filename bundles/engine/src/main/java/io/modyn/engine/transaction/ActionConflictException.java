package io.modyn.engine.transaction;

import io.modyn.api.storage.StorageConflictException;

/** Storage could not lock the item of one action: which action, so that the cancellation can name it. */
final class ActionConflictException extends StorageConflictException {

    private static final long serialVersionUID = 1L;

    private final int actionIndex;

    ActionConflictException(int actionIndex, StorageConflictException cause) {
        super("action " + actionIndex + ": " + cause.getMessage(), cause);
        this.actionIndex = actionIndex;
    }

    int actionIndex() {
        return actionIndex;
    }
}
