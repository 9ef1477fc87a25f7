package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleAdminTest {

    @TempDir
    Path directory;

    private final FakeFramework framework = new FakeFramework()
            .bundle(0, "org.apache.felix.framework")
            .bundle(4, "io.modyn.storage.file")
            .bundle(5, "io.modyn.admin")
            .bundle(6, "com.example.twice")
            .bundle(7, "com.example.twice");
    private final BundleAdmin admin = new BundleAdmin(framework.context(5));

    @Test
    void findsBundleById() throws AdminException {
        assertEquals("io.modyn.storage.file", admin.find(BundleSelector.parse("4")).getSymbolicName());
    }

    @Test
    void findsBundleBySymbolicName() throws AdminException {
        assertEquals(4, admin.find(BundleSelector.parse("io.modyn.storage.file")).getBundleId());
    }

    @Test
    void unknownBundleIsNotFound() {
        AdminException error = assertThrows(AdminException.class, () -> admin.find(BundleSelector.parse("99")));
        assertEquals(AdminException.NOT_FOUND, error.status());
    }

    @Test
    void symbolicNameInstalledTwiceIsAmbiguous() {
        AdminException error = assertThrows(AdminException.class,
                () -> admin.find(BundleSelector.parse("com.example.twice")));
        assertEquals(AdminException.CONFLICT, error.status());
        assertTrue(error.getMessage().contains("[6, 7]"), error.getMessage());
    }

    @Test
    void startAndStopReportTheNewState() throws AdminException {
        var bundle = admin.find(BundleSelector.parse("4"));
        assertEquals("ACTIVE", admin.start(bundle).state());
        assertEquals("RESOLVED", admin.stop(bundle).state());
        assertEquals(List.of("start 4", "stop 4"), framework.calls);
    }

    @Test
    void theFrameworkAndTheAdminBundleHostTheEndpoint() throws AdminException {
        assertTrue(admin.hostsEndpoint(admin.find(BundleSelector.parse("0"))));
        assertTrue(admin.hostsEndpoint(admin.find(BundleSelector.parse("io.modyn.admin"))));
        assertFalse(admin.hostsEndpoint(admin.find(BundleSelector.parse("4"))));
    }

    @Test
    void installReadsTheCheckedFileAndNamesItsUrlAsLocation() throws Exception {
        Path file = Files.writeString(directory.resolve("extension.jar"), "bundle bytes");
        BundleInfo installed = admin.install(file, false);
        assertEquals(file.toUri().toString(), installed.location());
        assertEquals(List.of("install " + file.toUri() + " bundle bytes"), framework.calls);
    }

    @Test
    void updateFromAFileReadsItAndRefreshes() throws Exception {
        Path file = Files.writeString(directory.resolve("engine-2.jar"), "new bytes");
        admin.update(admin.find(BundleSelector.parse("4")), file);
        assertEquals(List.of("update 4 from new bytes", "refresh"), framework.calls);
    }

    @Test
    void listsEveryBundle() {
        assertEquals(List.of(0L, 4L, 5L, 6L, 7L), admin.list().stream().map(BundleInfo::id).toList());
    }
}
