package io.modyn.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports nobody listens on now, so servers of parallel tests and builds do not collide. */
final class FreePorts {

    private FreePorts() {
    }

    /** Distinct free ports: every socket stays open until all are chosen, so none is handed out twice. */
    static int[] allocate(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket == null) continue;
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // it was free a moment ago
                }
            }
        }
    }
}
