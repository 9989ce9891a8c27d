package dev.vouch.notify;

/** The subject and the text/plain and text/html bodies of a notification e-mail. */
record EmailContent(String subject, String text, String html) {

    static EmailContent of(Digest d) {
        return new EmailContent(subject(d.subject()), text(d), html(d));
    }

    /** Refuses CR, LF and other control characters, so a value cannot inject mail headers. */
    static String subject(String subject) {
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("e-mail subject must not contain CR, LF or control characters: '"
                    + subject.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return subject;
    }

    private static String text(Digest d) {
        StringBuilder out = new StringBuilder(d.title()).append("\n\n").append(d.summary()).append('\n');
        if (!d.lines().isEmpty()) {
            out.append('\n');
            d.lines().forEach(line -> out.append("- ").append(line).append('\n'));
        }
        if (d.omitted() > 0) {
            out.append(d.moreLine()).append('\n');
        }
        if (!d.link().isEmpty()) {
            out.append("\nOpen in Vouch: ").append(d.link()).append('\n');
        }
        return out.append("\n-- \nSent by Vouch.\n").toString();
    }

    private static String html(Digest d) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<h2>").append(escape(d.title())).append("</h2>")
                .append("<p>").append(escape(d.summary())).append("</p>");
        if (!d.lines().isEmpty()) {
            out.append("<ul>");
            d.lines().forEach(line -> out.append("<li>").append(escape(line)).append("</li>"));
            out.append("</ul>");
        }
        if (d.omitted() > 0) {
            out.append("<p><em>").append(escape(d.moreLine())).append("</em></p>");
        }
        if (!d.link().isEmpty()) {
            out.append("<p><a href=\"").append(escape(d.link())).append("\">Open in Vouch</a></p>");
        }
        return out.append("<p style=\"color:#888\">Sent by Vouch.</p></body></html>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
