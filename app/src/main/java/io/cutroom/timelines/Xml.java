package io.cutroom.timelines;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An indented XML document written through the JDK's StAX writer, which escapes every name and note (quotes,
 * ampersands, any language): the timeline writers never build XML from strings.
 */
final class Xml implements AutoCloseable {
    private final XMLStreamWriter out;
    private int depth;
    private boolean hadChildren;

    Xml(OutputStream stream, String doctype) throws IOException {
        try {
            out = XMLOutputFactory.newInstance().createXMLStreamWriter(stream, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            out.writeCharacters("\n");
            if (doctype != null) {
                out.writeDTD("<!DOCTYPE " + doctype + ">");
                out.writeCharacters("\n");
            }
        } catch (XMLStreamException e) {
            throw new IOException("The timeline could not be written.", e);
        }
    }

    /** Opens an element with attributes given as name, value pairs (null values are left out). */
    Xml open(String name, Object... attributes) throws IOException {
        try {
            out.writeCharacters("\n" + "  ".repeat(depth));
            out.writeStartElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                if (attributes[i + 1] != null) out.writeAttribute((String) attributes[i], attributes[i + 1].toString());
            }
            depth++;
            hadChildren = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IOException("The timeline could not be written.", e);
        }
    }

    /** Closes the element opened last. */
    Xml end() throws IOException {
        try {
            depth--;
            if (hadChildren) out.writeCharacters("\n" + "  ".repeat(depth));
            out.writeEndElement();
            hadChildren = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IOException("The timeline could not be written.", e);
        }
    }

    /** An element with attributes and nothing in it. */
    Xml empty(String name, Object... attributes) throws IOException {
        open(name, attributes);
        hadChildren = false;
        return end();
    }

    /** An element holding only text, with attributes given as name, value pairs. */
    Xml text(String name, Object value, Object... attributes) throws IOException {
        try {
            out.writeCharacters("\n" + "  ".repeat(depth));
            out.writeStartElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                if (attributes[i + 1] != null) out.writeAttribute((String) attributes[i], attributes[i + 1].toString());
            }
            out.writeCharacters(String.valueOf(value));
            out.writeEndElement();
            hadChildren = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IOException("The timeline could not be written.", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("The timeline could not be written.", e);
        }
    }
}
