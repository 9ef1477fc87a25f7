package io.modyn.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the descriptors bnd generates from the annotations, so that renaming the PID or a
 * setting is caught here rather than by an operator whose configuration stops applying.
 */
class FileStorageServiceDescriptorTest {

    private static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("dataDirectory", "data");
        SETTINGS.put("fsync", "group");
        SETTINGS.put("fsyncWindowMillis", "0");
        SETTINGS.put("fsyncPeriodMillis", "10");
        SETTINGS.put("segmentSizeMB", "32");
        SETTINGS.put("memtableBudgetMB", "0");
        SETTINGS.put("blockSizeKB", "16");
        SETTINGS.put("compression", "lz4");
        SETTINGS.put("blockCacheMB", "0");
        SETTINGS.put("compactionStrategy", "size-tiered");
        SETTINGS.put("leveledKeyspaces", "");
        SETTINGS.put("compactionMBPerSecond", "64");
        SETTINGS.put("lockTimeoutMillis", "5000");
    }

    private static Document parse(String resource) throws Exception {
        try (InputStream in = FileStorageServiceDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " was not generated");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    @Test
    void componentIsImmediateWithOptionalConfigurationUnderItsPid() throws Exception {
        Element component = parse("OSGI-INF/io.modyn.storage.file.FileStorageService.xml").getDocumentElement();
        assertEquals("io.modyn.storage.file", component.getAttribute("configuration-pid"));
        assertEquals("optional", component.getAttribute("configuration-policy"));
        assertEquals("true", component.getAttribute("immediate"));
        assertEquals("activate", component.getAttribute("activate"));
        assertEquals("deactivate", component.getAttribute("deactivate"));
        // The engine registers itself by hand once open; the component provides no service.
        assertEquals(0, component.getElementsByTagName("service").getLength());
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList nodes = component.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        assertEquals(SETTINGS, properties);
    }

    @Test
    void metatypeDescribesEverySettingWithItsDefault() throws Exception {
        Document metatype = parse("OSGI-INF/metatype/io.modyn.storage.file.FileStorageConfig.xml");
        Element designate = (Element) metatype.getElementsByTagName("Designate").item(0);
        assertEquals("io.modyn.storage.file", designate.getAttribute("pid"));
        Map<String, String> defaults = new LinkedHashMap<>();
        NodeList attributes = metatype.getElementsByTagName("AD");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
        }
        assertEquals(SETTINGS, defaults);
    }
}
