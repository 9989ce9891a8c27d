package dev.vouch.report;

import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting wrapper over the JDK's {@link XMLStreamWriter}: it escapes text and attributes, and
 * drops characters XML 1.0 cannot carry (control characters other than tab, LF, CR).
 */
final class Xml {
    private final XMLStreamWriter w;
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();

    Xml(Writer out) throws XMLStreamException {
        this.w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
    }

    void start(String name) throws XMLStreamException {
        child();
        w.writeStartElement(name);
        hasChildren.push(false);
    }

    void empty(String name) throws XMLStreamException {
        child();
        w.writeEmptyElement(name);
    }

    void attr(String name, String value) throws XMLStreamException {
        w.writeAttribute(name, clean(value));
    }

    /** {@code <name message=".." type="..">text</name>}; null type or text is left out. */
    void element(String name, String message, String type, String text) throws XMLStreamException {
        child();
        if (text == null) {
            w.writeEmptyElement(name);
        } else {
            w.writeStartElement(name);
        }
        w.writeAttribute("message", clean(message));
        if (type != null) {
            w.writeAttribute("type", clean(type));
        }
        if (text != null) {
            w.writeCharacters(clean(text));
            w.writeEndElement();
        }
    }

    void end() throws XMLStreamException {
        boolean children = hasChildren.pop();
        if (children) {
            newline(hasChildren.size());
        }
        w.writeEndElement();
    }

    void finish() throws XMLStreamException {
        w.writeCharacters("\n");
        w.writeEndDocument();
        w.flush();
    }

    private void child() throws XMLStreamException {
        if (!hasChildren.isEmpty()) {
            hasChildren.pop();
            hasChildren.push(true);
        }
        newline(hasChildren.size());
    }

    private void newline(int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    static String clean(String s) {
        if (allowed(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Fast path: true when every char is allowed as is (a surrogate sends the string the slow way). */
    private static boolean allowed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != 0x9 && c != 0xA && c != 0xD : c > 0xD7FF && (c < 0xE000 || c > 0xFFFD)) {
                return false;
            }
        }
        return true;
    }
}
