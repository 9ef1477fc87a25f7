package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AdminServiceTest {

    @Test
    void configuredTokenFileWins() {
        assertEquals(Path.of("/etc/modyn/token"),
                AdminService.tokenFile(configuration("/etc/modyn/token"), "/var/modyn"));
    }

    @Test
    void withoutOneTheTokenLivesInTheDataDirectory() {
        assertEquals(Path.of("/var/modyn/admin-token"), AdminService.tokenFile(configuration(""), "/var/modyn"));
    }

    @Test
    void withNeitherTheEndpointDoesNotStart() {
        assertThrows(IllegalStateException.class, () -> AdminService.tokenFile(configuration(" "), null));
    }

    private static AdminConfiguration configuration(String tokenFile) {
        return new AdminConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AdminConfiguration.class;
            }

            @Override
            public int port() {
                return DEFAULT_PORT;
            }

            @Override
            public String bind() {
                return DEFAULT_BIND;
            }

            @Override
            public String tokenFile() {
                return tokenFile;
            }

            @Override
            public String[] installFolders() {
                return new String[0];
            }

            @Override
            public boolean authenticationRequired() {
                return false;
            }

            @Override
            public String region() {
                return DEFAULT_REGION;
            }
        };
    }
}
