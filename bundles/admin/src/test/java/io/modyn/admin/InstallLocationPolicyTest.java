package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallLocationPolicyTest {

    @TempDir
    Path directory;

    private Path deploy;
    private Path bundle;
    private Path outside;
    private InstallLocationPolicy policy;

    @BeforeEach
    void folders() throws IOException {
        deploy = Files.createDirectory(directory.resolve("deploy"));
        bundle = Files.writeString(deploy.resolve("b.jar"), "bundle").toRealPath();
        outside = Files.writeString(directory.resolve("outside.jar"), "bundle").toRealPath();
        policy = InstallLocationPolicy.of(new String[] {deploy + "," + directory.resolve("missing")});
    }

    @Test
    void aFileInAnAllowedFolderIsAllowedAsPathOrFileUrl() throws AdminException {
        assertEquals(bundle, policy.require(bundle.toString()));
        assertEquals(bundle, policy.require(bundle.toUri().toString()));
        assertEquals(bundle, policy.require("file:" + bundle));
    }

    @Test
    void urlsOtherThanFileAreRefused() {
        for (String url : List.of("http://127.0.0.1:1/b.jar", "https://repo.example/b.jar", "ftp://repo.example/b.jar",
                "jar:file:" + bundle + "!/", "HTTP://127.0.0.1/b.jar", "mvn:io.modyn/x/1.0")) {
            assertStatus(AdminException.FORBIDDEN, url);
        }
    }

    @Test
    void aFileOutsideTheFoldersIsRefused() {
        assertStatus(AdminException.FORBIDDEN, outside.toString());
        assertStatus(AdminException.FORBIDDEN, outside.toUri().toString());
    }

    @Test
    void dotDotCannotLeaveAFolder() {
        assertStatus(AdminException.FORBIDDEN, deploy + "/../outside.jar");
        assertStatus(AdminException.FORBIDDEN, "file:" + deploy + "/../outside.jar");
    }

    @Test
    void aSymbolicLinkCannotLeaveAFolder() throws IOException, AdminException {
        Path escape = Files.createSymbolicLink(deploy.resolve("escape.jar"), outside);
        assertStatus(AdminException.FORBIDDEN, escape.toString());
        Path linkedDir = Files.createSymbolicLink(deploy.resolve("up"), directory);
        assertStatus(AdminException.FORBIDDEN, linkedDir.resolve("outside.jar").toString());
        Path inside = Files.createSymbolicLink(deploy.resolve("alias.jar"), bundle);
        assertEquals(bundle, policy.require(inside.toString()), "a link within the folder is fine");
    }

    @Test
    void aFolderThatIsItselfALinkIsResolvedToo() throws IOException, AdminException {
        Path link = Files.createSymbolicLink(directory.resolve("deploy-link"), deploy);
        InstallLocationPolicy viaLink = InstallLocationPolicy.of(new String[] {link.toString()});
        assertEquals(bundle, viaLink.require(link.resolve("b.jar").toString()));
    }

    @Test
    void missingFilesAndFoldersAreBadRequests() {
        assertStatus(AdminException.BAD_REQUEST, deploy.resolve("nothing.jar").toString());
        assertStatus(AdminException.BAD_REQUEST, deploy.toString());
        assertStatus(AdminException.BAD_REQUEST, "");
        assertStatus(AdminException.BAD_REQUEST, "file://otherhost/b.jar");
    }

    @Test
    void withoutFoldersNothingIsAllowed() {
        AdminException error = assertThrows(AdminException.class,
                () -> InstallLocationPolicy.of(new String[0]).require(bundle.toString()));
        assertEquals(AdminException.FORBIDDEN, error.status());
        assertEquals(bundle + " is not in a folder bundles may be installed from: none is configured"
                + " (installFolders in conf/io.modyn.admin.cfg)", error.getMessage());
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectory() {
        Path relative = Path.of("").toAbsolutePath().relativize(outside);
        assertStatus(AdminException.FORBIDDEN, relative.toString());
    }

    private void assertStatus(int status, String location) {
        AdminException error = assertThrows(AdminException.class, () -> policy.require(location), location);
        assertEquals(status, error.status(), error.getMessage());
    }
}
