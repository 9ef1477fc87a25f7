package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundleLocationTest {

    @Test
    void urlsAreKeptAsGiven() throws AdminException {
        assertEquals("https://repo.example/b.jar", BundleLocation.toUrl("https://repo.example/b.jar"));
        assertEquals("file:/opt/b.jar", BundleLocation.toUrl("file:/opt/b.jar"));
    }

    @Test
    void absolutePathsBecomeFileUrls() throws AdminException {
        assertEquals("file:///opt/modyn/deploy/b.jar", BundleLocation.toUrl("/opt/modyn/deploy/../deploy/b.jar"));
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectory() throws AdminException {
        assertEquals(Path.of("b.jar").toAbsolutePath().toUri().toString(), BundleLocation.toUrl("b.jar"));
    }

    @Test
    void missingLocationIsABadRequest() {
        assertEquals(AdminException.BAD_REQUEST,
                assertThrows(AdminException.class, () -> BundleLocation.toUrl(null)).status());
    }
}
