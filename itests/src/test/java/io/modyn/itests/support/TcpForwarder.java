package io.modyn.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on a free loopback port to one target (a database), with a switch that breaks the
 * network: {@link #cut()} resets every relayed connection (RST on both sides, as when a link or
 * a firewall drops them) and resets new ones as soon as they are accepted, until {@link
 * #restore()}. The listening socket stays open throughout, so restoring can never fail on a port
 * somebody else took meanwhile; to a client the broken network looks like connections reset
 * during the handshake instead of refused, which drivers report the same way.
 *
 * <p>One thread accepts, two per connection copy bytes. Nothing is buffered here beyond a copy
 * loop's buffer, so a cut loses exactly what a real broken link would lose.
 */
public final class TcpForwarder implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Link> links = new HashSet<>();
    private boolean broken;
    private volatile boolean closed;

    private TcpForwarder(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.acceptor = new Thread(this::acceptLoop, "forwarder-" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Listens on a free port of 127.0.0.1 and relays every connection to {@code target}. */
    public static TcpForwarder start(InetSocketAddress target) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpForwarder forwarder = new TcpForwarder(target, listener);
            forwarder.acceptor.start();
            return forwarder;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on a loopback port", e);
        }
    }

    /** Where clients connect to reach the target. */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress().getHostAddress(), listener.getLocalPort());
    }

    /** Resets every open connection and every new one until {@link #restore()}; returns how many were reset. */
    public int cut() {
        List<Link> open;
        synchronized (this) {
            broken = true;
            open = new ArrayList<>(links);
            links.clear();
        }
        open.forEach(Link::reset);
        return open.size();
    }

    /** Relays new connections again. */
    public synchronized void restore() {
        broken = false;
    }

    /** Stops listening and resets every connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cut();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) return;
                continue; // one failed accept must not end the relay
            }
            relay(client);
        }
    }

    private void relay(Socket client) {
        if (isBroken()) {
            reset(client);
            return;
        }
        Socket server = new Socket();
        try {
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            reset(client); // the target itself is down: the client sees its connection fail too
            closeQuietly(server);
            return;
        }
        Link link = new Link(client, server);
        synchronized (this) {
            // A cut between the check above and here must not let this connection through.
            if (broken || closed) {
                link.reset();
                return;
            }
            links.add(link);
        }
        link.start();
    }

    private synchronized boolean isBroken() {
        return broken || closed;
    }

    private synchronized void forget(Link link) {
        links.remove(link);
    }

    /** A relayed connection: bytes copied both ways until either side closes or the link is reset. */
    private final class Link {

        private final Socket client;
        private final Socket server;
        private final AtomicInteger directionsDone = new AtomicInteger();

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, "up");
            pump(server, client, "down");
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                    // An orderly close on one side: pass it on, and let the other direction finish.
                    to.shutdownOutput();
                    if (directionsDone.incrementAndGet() == 2) close();
                } catch (IOException e) {
                    reset();
                }
            }, "forwarder-" + from.getPort() + "-" + direction);
            thread.setDaemon(true);
            thread.start();
        }

        /** Both sides closed their end: an orderly close. */
        private void close() {
            forget(this);
            closeQuietly(client);
            closeQuietly(server);
        }

        /** Closes both sockets with an RST, as a broken link does; idempotent. */
        void reset() {
            forget(this);
            TcpForwarder.reset(client);
            TcpForwarder.reset(server);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close() then sends RST instead of FIN
        } catch (SocketException alreadyClosed) {
            // nothing left to reset
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort: the socket is gone either way
        }
    }
}
