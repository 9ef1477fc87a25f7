package io.modyn.storage.file.locks;

/**
 * A transaction as the lock table sees it: who holds a lock, and which lock it is waiting for.
 * Publishing the awaited lock lets a waiter find a cycle of waits (a deadlock) at once.
 */
public final class LockOwner {

    volatile KeyLock waitingFor;
}
