package io.modyn.storage.file;

/**
 * Ends the server process with a status, from a thread of its own. Called on the thread that
 * activates a component, {@link System#exit} would wait for the shutdown hook of Felix main, which
 * stops the framework and so waits for that very activation to finish: the process would hang.
 * From another thread the activation returns, the hook stops every bundle cleanly, and the
 * process ends with this status (Felix main's own {@code System.exit(0)} after the framework
 * stopped comes second and does not change it).
 */
final class ProcessExit {

    private ProcessExit() {
    }

    static void exitSoon(int status) {
        Thread exit = new Thread(() -> System.exit(status), "modyn-exit");
        exit.setDaemon(false);
        exit.start();
    }
}
