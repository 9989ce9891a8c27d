package dev.vouch.vault.sign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Strict parser of the C2SP signed-note framing: text lines, one blank line, signature lines.
 * Only syntax is checked here; {@link SignedCheckpoint} checks the text and the signatures.
 */
final class NoteParser {
    private static final int MAX_NOTE_CHARS = 1 << 20;
    private static final int MAX_SIGNATURES = 100;

    /** The parsed note: its text lines (numbered from 1), the signed text, and the signatures. */
    record Note(List<String> textLines, String text, List<NoteSignature> signatures) {
    }

    private NoteParser() {
    }

    static Note parse(String note) {
        if (note.isEmpty()) {
            throw new CheckpointFormatException(1, "the note is empty");
        }
        if (note.length() > MAX_NOTE_CHARS) {
            throw new CheckpointFormatException(1, "the note is larger than 1 MiB");
        }
        checkCharacters(note);
        if (!note.endsWith("\n")) {
            int last = (int) note.chars().filter(c -> c == '\n').count() + 1;
            throw new CheckpointFormatException(last, "the last line does not end with a newline");
        }
        List<String> lines = Arrays.asList(note.substring(0, note.length() - 1).split("\n", -1));
        int blank = lines.lastIndexOf("");
        if (blank < 0) {
            throw new CheckpointFormatException(firstSignatureLike(lines),
                    "expected a blank line between the checkpoint text and the signature lines");
        }
        if (blank == lines.size() - 1) {
            throw new CheckpointFormatException(blank + 1, "no signature lines after the blank line");
        }
        if (lines.size() - blank - 1 > MAX_SIGNATURES) {
            throw new CheckpointFormatException(blank + 2, "more than " + MAX_SIGNATURES + " signature lines");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (int i = blank + 1; i < lines.size(); i++) {
            signatures.add(signature(i + 1, lines.get(i)));
        }
        List<String> text = lines.subList(0, blank);
        return new Note(List.copyOf(text), String.join("\n", text) + "\n", List.copyOf(signatures));
    }

    private static void checkCharacters(String note) {
        int line = 1;
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                throw new CheckpointFormatException(line, "contains a carriage return (CRLF line endings are not allowed)");
            } else if (c < 0x20) {
                throw new CheckpointFormatException(line, String.format("contains control character U+%04X", (int) c));
            } else if (Character.isSurrogate(c) && !validSurrogatePair(note, i)) {
                throw new CheckpointFormatException(line, "is not valid UTF-8 text (unpaired surrogate)");
            } else if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private static int firstSignatureLike(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("\u2014") || l.startsWith("-") || l.startsWith("\u2013")) {
                return i + 1;
            }
        }
        return lines.size();
    }

    private static NoteSignature signature(int line, String text) {
        if (!text.startsWith(NoteSignature.PREFIX)) {
            String found = text.isEmpty() ? "an empty line" : "'" + text.substring(0, Math.min(3, text.length())) + "'";
            throw new CheckpointFormatException(line,
                    "a signature line must start with an em dash (U+2014) and a space, found " + found);
        }
        String[] parts = text.substring(NoteSignature.PREFIX.length()).split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new CheckpointFormatException(line, "a signature line must be '\u2014 <key name> <base64>'");
        }
        Checkpoint.originProblem(parts[0]).ifPresent(p -> {
            throw new CheckpointFormatException(line, "signature key name '" + parts[0] + "' " + p);
        });
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(line, "the signature is not valid Base64");
        }
        if (payload.length <= NoteSignature.KEY_ID_BYTES) {
            throw new CheckpointFormatException(line, "the signature is too short (" + payload.length + " bytes)");
        }
        return new NoteSignature(line, parts[0], Arrays.copyOf(payload, NoteSignature.KEY_ID_BYTES),
                Arrays.copyOfRange(payload, NoteSignature.KEY_ID_BYTES, payload.length));
    }
}
