package io.modyn.protocol.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * The endpoint's TLS: an {@link SSLContext} whose certificate, key and client CAs are read again
 * whenever their files change (checked every {@code checkInterval}), so a renewed certificate is
 * served without a restart. A change that cannot be used (half-written files, a key that does not
 * match) is logged and the previous credentials stay in service until the files are right.
 */
public final class ServerTls implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerTls.class.getName());

    private final TlsFiles files;
    private final SSLContext context;
    private final ReloadingKeyManager keyManager;
    private final ReloadingTrustManager trustManager;
    private final ScheduledExecutorService watcher;
    private List<Object> stamp;

    private ServerTls(TlsFiles files, ServerCredentials initial, List<Object> stamp, Duration checkInterval)
            throws GeneralSecurityException {
        this.files = files;
        this.stamp = stamp;
        this.keyManager = new ReloadingKeyManager(initial.keyManager());
        this.trustManager = initial.trustManager() == null ? null : new ReloadingTrustManager(initial.trustManager());
        this.context = SSLContext.getInstance("TLS");
        context.init(ServerCredentials.keyManagers(keyManager), ServerCredentials.trustManagers(trustManager), new SecureRandom());
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "modyn-tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        long millis = checkInterval.toMillis();
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Reads the files (failing if they cannot serve) and starts watching them. */
    public static ServerTls start(TlsFiles files, Duration checkInterval) throws IOException, TlsConfigurationException {
        List<Object> stamp = stamp(files);
        ServerCredentials credentials = ServerCredentials.read(files);
        try {
            ServerTls tls = new ServerTls(files, credentials, stamp, checkInterval);
            LOG.info(() -> "TLS certificate " + credentials.certificate().getSubjectX500Principal().getName() + " (serial "
                    + credentials.certificate().getSerialNumber().toString(16) + ", valid until " + credentials.certificate().getNotAfter()
                    + ")" + (files.requiresClientCertificates() ? "; client certificates required" : ""));
            return tls;
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("TLS is not available in this Java runtime: " + e.getMessage());
        }
    }

    public SSLContext context() {
        return context;
    }

    public TlsFiles files() {
        return files;
    }

    /** The key manager handshakes ask; package-private for tests. */
    ReloadingKeyManager keyManager() {
        return keyManager;
    }

    /** Reads the files again if any changed since the last reading; package-private for tests. */
    synchronized void reloadIfChanged() {
        try {
            List<Object> now = stamp(files);
            if (now.equals(stamp)) return;
            ServerCredentials next = ServerCredentials.read(files);
            if (next.trustManager() != null && trustManager != null) trustManager.replace(next.trustManager());
            keyManager.replace(next.keyManager());
            stamp = now;
            LOG.info(() -> "TLS certificate reloaded: " + next.certificate().getSubjectX500Principal().getName() + " (serial "
                    + next.certificate().getSerialNumber().toString(16) + ", valid until " + next.certificate().getNotAfter() + ")");
        } catch (IOException | TlsConfigurationException e) {
            LOG.log(Level.WARNING, "TLS files changed but cannot be used yet, the previous certificate stays in service: "
                    + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "TLS reload failed, the previous certificate stays in service", e);
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }

    /** What identifies a file's content without reading it: modification time, size, identity (a renamed-in file is new). */
    private static List<Object> stamp(TlsFiles files) throws IOException {
        List<Object> stamp = new ArrayList<>();
        for (Path file : new Path[] {files.certificateChain(), files.privateKey(), files.clientCertificateAuthorities()}) {
            if (file == null) continue;
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamp.add(attributes.lastModifiedTime());
                stamp.add(attributes.size());
                stamp.add(Objects.toString(attributes.fileKey()));
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(file + " (TLS file) does not exist");
            }
        }
        return stamp;
    }
}
