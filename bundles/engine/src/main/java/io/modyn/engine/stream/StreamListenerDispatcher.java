package io.modyn.engine.stream;

import io.modyn.api.extension.StreamListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one {@link ListenerWorker} per registered listener, each on its own thread, so that a slow
 * listener delays only itself. A worker passes over its streams, then waits for the poll interval
 * unless it knows more is pending. Threads are stopped by a flag, never interrupted: an interrupt
 * could land in the middle of a storage backend's file I/O and close its channels.
 */
final class StreamListenerDispatcher implements StreamListeners.Observer {

    private static final Logger LOG = Logger.getLogger(StreamListenerDispatcher.class.getName());
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Function<RegisteredListener, ListenerWorker> workers;
    private final long pollMillis;
    private final Map<StreamListener, DeliveryThread> threads = new HashMap<>();

    StreamListenerDispatcher(Function<RegisteredListener, ListenerWorker> workers, long pollMillis) {
        this.workers = workers;
        this.pollMillis = pollMillis;
    }

    @Override
    public synchronized void added(RegisteredListener listener) {
        DeliveryThread thread = new DeliveryThread(workers.apply(listener));
        DeliveryThread replaced = threads.put(listener.listener(), thread);
        if (replaced != null) replaced.finish();
        thread.start();
    }

    @Override
    public synchronized void removed(RegisteredListener listener) {
        DeliveryThread thread = threads.remove(listener.listener());
        if (thread != null) thread.finish();
    }

    synchronized void stopAll() {
        new ArrayList<>(threads.values()).forEach(DeliveryThread::finish);
        threads.clear();
    }

    /** One listener's delivery loop and the thread that runs it. */
    private final class DeliveryThread implements Runnable {

        private final ListenerWorker worker;
        private final Thread thread;
        private final Object wakeUp = new Object();
        private volatile boolean running = true;

        DeliveryThread(ListenerWorker worker) {
            this.worker = worker;
            this.thread = new Thread(this, "modyn-stream-listener-" + worker.listener().id());
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        @Override
        public void run() {
            while (running) {
                boolean more = false;
                try {
                    more = worker.deliverPending();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Stream delivery to listener " + worker.listener().id() + " failed; retrying", e);
                }
                if (!more) pause();
            }
        }

        private void pause() {
            synchronized (wakeUp) {
                if (!running) return;
                try {
                    wakeUp.wait(pollMillis);
                } catch (InterruptedException e) {
                    running = false;
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Stops the loop after its current pass and waits a while for it. */
        void finish() {
            synchronized (wakeUp) {
                running = false;
                wakeUp.notifyAll();
            }
            if (Thread.currentThread() == thread) return; // a listener removing itself from its own callback
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) LOG.warning("Stream listener " + worker.listener().id() + " did not return within 10 s of being removed");
        }
    }
}
