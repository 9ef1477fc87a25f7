package io.modyn.engine.throttle;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The generated metatype names the setting conf/io.modyn.engine.cfg and bin/modyn --no-throttling
 * set ({@code throttling}), on by default, so a rename cannot silently leave throttling on.
 */
class ThrottlingConfigurationTest {

    @Test
    void theEngineMetatypeDeclaresThrottlingOnByDefault() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("OSGI-INF/metatype/io.modyn.engine.EngineConfig.xml")) {
            assertNotNull(in, "the engine's generated metatype");
            String metatype = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(metatype.matches("(?s).*<AD id=\"throttling\" type=\"Boolean\"[^>]*default=\"true\"/>.*"), metatype);
        }
    }
}
