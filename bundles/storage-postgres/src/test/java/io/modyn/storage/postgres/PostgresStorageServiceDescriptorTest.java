package io.modyn.storage.postgres;

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
class PostgresStorageServiceDescriptorTest {

    /** Settings with defaults (the component still requires a configuration, for the URL or its variable). */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("jdbcUrl", "");
        DEFAULTS.put("jdbcUrlEnvironmentVariable", "");
        DEFAULTS.put("passwordEnvironmentVariable", "");
        DEFAULTS.put("user", "");
        DEFAULTS.put("password", "");
        DEFAULTS.put("passwordFile", "");
        DEFAULTS.put("maxPoolSize", "10");
        DEFAULTS.put("schema", "modyn");
        DEFAULTS.put("connectionTimeoutMillis", "5000");
    }

    private static Document parse(String resource) throws Exception {
        try (InputStream in = PostgresStorageServiceDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " was not generated");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    @Test
    void componentIsImmediateAndRequiresConfigurationUnderItsPid() throws Exception {
        Element component = parse("OSGI-INF/io.modyn.storage.postgres.PostgresStorageService.xml").getDocumentElement();
        assertEquals("io.modyn.storage.postgres", component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));
        assertEquals("true", component.getAttribute("immediate"));
        assertEquals("activate", component.getAttribute("activate"));
        assertEquals("deactivate", component.getAttribute("deactivate"));
        // The starter registers the engine by hand once the schema is ready; the component provides no service.
        assertEquals(0, component.getElementsByTagName("service").getLength());
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList nodes = component.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        assertEquals(DEFAULTS, properties);
    }

    @Test
    void metatypeDescribesEverySettingWithItsDefault() throws Exception {
        Document metatype = parse("OSGI-INF/metatype/io.modyn.storage.postgres.PostgresStorageConfig.xml");
        Element designate = (Element) metatype.getElementsByTagName("Designate").item(0);
        assertEquals("io.modyn.storage.postgres", designate.getAttribute("pid"));
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        NodeList attributes = metatype.getElementsByTagName("AD");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (attribute.hasAttribute("default")) defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
            types.put(attribute.getAttribute("id"), attribute.getAttribute("type"));
        }
        assertEquals(DEFAULTS, defaults);
        assertEquals("String", types.get("jdbcUrl"));
        assertEquals("Password", types.get("password"), "tools mask the password");
    }
}
