package io.modyn.auth.iam.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a Query-protocol XML document (UTF-8, no declaration, as AWS sends them) through the
 * JDK's StAX writer, which escapes markup characters. Characters XML 1.0 cannot carry at all
 * (controls, lone surrogates; a client can put them in an action name we quote back) become
 * U+FFFD, so the document always parses.
 */
public final class QueryXmlWriter {

    // The JDK's own implementation, without a service lookup that OSGi class loaders could miss.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final XMLStreamWriter xml;

    public QueryXmlWriter() {
        try {
            xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer is unavailable", e);
        }
    }

    /** Opens the document element in {@code namespace} (its default namespace). */
    public QueryXmlWriter startDocument(String name, String namespace) {
        try {
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    public QueryXmlWriter start(String name) {
        try {
            xml.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** {@code <name>text</name>}; nothing for a null text, as AWS leaves absent members out. */
    public QueryXmlWriter element(String name, String text) {
        if (text == null) {
            return this;
        }
        try {
            xml.writeStartElement(name);
            xml.writeCharacters(xmlSafe(text));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    public QueryXmlWriter end() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** Closes what is open and answers the document's bytes. */
    public byte[] toBytes() {
        try {
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return bytes.toByteArray();
    }

    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (safe != null) safe.append(c).append(text.charAt(i + 1));
                i++;
                continue;
            }
            allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(allowed ? c : '\uFFFD');
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static IllegalStateException failed(XMLStreamException e) {
        return new IllegalStateException("writing XML to memory failed", e);
    }
}
