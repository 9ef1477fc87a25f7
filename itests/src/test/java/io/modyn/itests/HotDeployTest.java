package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.AdminClient;
import io.modyn.itests.support.BundleInfo;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.ProbeBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's {@code deploy/} folder is watched: a bundle dropped in is installed and started, an
 * atomically replaced jar updates that bundle in place, a removed jar uninstalls it. The server runs
 * from its own copy of the distribution, so the real {@code distribution/target} stays untouched.
 */
class HotDeployTest {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);

    private static ModynServer server;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("hot-deploy");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void droppedBundleStartsAndAReplacedJarUpdatesIt() throws IOException {
        AdminClient admin = server.admin();
        Path deployed = server.home().resolve("deploy").resolve(ProbeBundle.SYMBOLIC_NAME + ".jar");

        drop(ProbeBundle.jar("1.0.0"), deployed);
        BundleInfo first = awaitProbe(admin, probe -> probe.isActive() && probe.version().equals("1.0.0"));

        drop(ProbeBundle.jar("1.0.1"), deployed);
        BundleInfo updated = awaitProbe(admin, probe -> probe.isActive() && probe.version().equals("1.0.1"));

        assertEquals(first.id(), updated.id(), "updated in place, not installed a second time");

        Files.delete(deployed);
        awaitAbsent(admin);
    }

    /**
     * Writes the jar beside the deploy folder and moves it in with one atomic rename, as an
     * operator should: the watcher never sees a half-written file.
     */
    private static void drop(byte[] jar, Path target) throws IOException {
        Path staging = server.home().resolve(target.getFileName() + ".staging");
        Files.write(staging, jar);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static BundleInfo awaitProbe(AdminClient admin, Predicate<BundleInfo> wanted) {
        Instant deadline = Instant.now().plus(DEPLOY_TIMEOUT);
        while (true) {
            Optional<BundleInfo> probe = admin.bundle(ProbeBundle.SYMBOLIC_NAME);
            if (probe.filter(wanted).isPresent()) return probe.get();
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Probe bundle not as expected after " + DEPLOY_TIMEOUT.toSeconds() + " s: "
                        + probe.map(BundleInfo::toString).orElse("not installed") + "\nServer log:\n" + server.logTail());
            }
            pause();
        }
    }

    private static void awaitAbsent(AdminClient admin) {
        Instant deadline = Instant.now().plus(DEPLOY_TIMEOUT);
        while (admin.bundle(ProbeBundle.SYMBOLIC_NAME).isPresent()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Probe bundle still installed " + DEPLOY_TIMEOUT.toSeconds()
                        + " s after its jar was removed");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
