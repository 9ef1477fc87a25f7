package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleInfoFormatTest {

    private static final BundleInfo FRAMEWORK =
            new BundleInfo(0, "ACTIVE", "org.apache.felix.framework", "7.0.5", "System Bundle");
    private static final BundleInfo ENGINE =
            new BundleInfo(12, "RESOLVED", "io.modyn.engine", "0.1.0.SNAPSHOT", "file:/m/bundle/engine.jar");

    @Test
    void textIsAnAlignedTableWithHeadings() {
        assertEquals("""
                ID  State     Symbolic name               Version         Location
                 0  ACTIVE    org.apache.felix.framework  7.0.5           System Bundle
                12  RESOLVED  io.modyn.engine             0.1.0.SNAPSHOT  file:/m/bundle/engine.jar
                """, BundleInfoFormat.text(List.of(FRAMEWORK, ENGINE)));
    }

    @Test
    void jsonListsBundlesUnderOneKey() {
        assertEquals("{\"bundles\":[{\"id\":0,\"state\":\"ACTIVE\",\"symbolicName\":\"org.apache.felix.framework\","
                + "\"version\":\"7.0.5\",\"location\":\"System Bundle\"}]}", BundleInfoFormat.json(List.of(FRAMEWORK)));
    }

    @Test
    void jsonEscapesStringsAndWritesMissingNamesAsNull() {
        BundleInfo odd = new BundleInfo(3, "INSTALLED", null, "0.0.0", "file:/a \"b\"\\c\n\u0001");
        assertEquals("{\"id\":3,\"state\":\"INSTALLED\",\"symbolicName\":null,\"version\":\"0.0.0\","
                + "\"location\":\"file:/a \\\"b\\\"\\\\c\\n\\u0001\"}", BundleInfoFormat.json(odd));
    }

    @Test
    void jsonErrorCarriesTheMessage() {
        assertEquals("{\"error\":\"No bundle 9\"}", BundleInfoFormat.jsonError("No bundle 9"));
    }
}
