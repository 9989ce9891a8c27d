package dev.vouch.collect.git;

import dev.vouch.collect.git.RecipeStep.Authorship;
import dev.vouch.collect.git.RecipeStep.Ident;
import dev.vouch.collect.git.RecipeStep.Signing;
import dev.vouch.collect.git.YamlTree.Mapping;
import dev.vouch.collect.git.YamlTree.Scalar;
import dev.vouch.collect.git.YamlTree.Sequence;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code *.gitrepo.yaml} recipe; every error names the file, the line and the field. */
final class RecipeParser {
    static final Set<String> TOP_FIELDS = Set.of("defaultBranch", "remote", "description", "steps");
    private static final Pattern IDENT = Pattern.compile("^\\s*(.*?)\\s*<([^<>]*)>\\s*$");

    /** A parsed recipe. */
    record Recipe(String defaultBranch, Optional<String> remote, List<RecipeStep> steps) {
    }

    private final String file;

    RecipeParser(String file) {
        this.file = file;
    }

    Recipe parse(String text) {
        Mapping root = mapping(YamlTree.parse(text, file), "the document");
        unknownFields(root, TOP_FIELDS, "");
        String branch = optional(root, "defaultBranch", "").orElse("main");
        Optional<String> remote = optional(root, "remote", "");
        YamlTree steps = root.entries().get("steps");
        if (!(steps instanceof Sequence seq) || seq.items().isEmpty()) {
            throw problem(root.line(), "steps", "is required: a non-empty list of steps");
        }
        List<RecipeStep> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.add(step(seq.items().get(i), "steps[" + i + "]"));
        }
        return new Recipe(branch, remote, out);
    }

    private RecipeStep step(YamlTree node, String where) {
        Mapping m = mapping(node, where);
        if (m.entries().size() != 1) {
            throw problem(m.line(), where, "must have exactly one key, one of " + RecipeStep.FIELDS.keySet().stream().sorted().toList());
        }
        Map.Entry<String, YamlTree> e = m.entries().entrySet().iterator().next();
        String kind = e.getKey();
        String at = where + "." + kind;
        if (!RecipeStep.FIELDS.containsKey(kind)) {
            throw problem(m.line(), where, "unknown step '" + kind + "' (allowed: " + RecipeStep.FIELDS.keySet().stream().sorted().toList() + ")");
        }
        if (e.getValue() instanceof Scalar s && (kind.equals("branch") || kind.equals("switch"))) {
            return kind.equals("branch") ? new RecipeStep.Branch(s.text(), Optional.empty(), s.line()) : new RecipeStep.Switch(s.text(), s.line());
        }
        Mapping f = mapping(e.getValue(), at);
        unknownFields(f, RecipeStep.FIELDS.get(kind), at + ".");
        return switch (kind) {
            case "commit" -> new RecipeStep.Commit(optional(f, "id", at), authorship(f, at), files(f, at), f.line());
            case "branch" -> new RecipeStep.Branch(required(f, "name", at), optional(f, "from", at), f.line());
            case "switch" -> new RecipeStep.Switch(required(f, "name", at), f.line());
            case "merge" -> new RecipeStep.Merge(optional(f, "id", at), required(f, "branch", at), authorship(f, at), f.line());
            case "squash" -> new RecipeStep.Squash(optional(f, "id", at), required(f, "branch", at), authorship(f, at), f.line());
            default -> forcePush(f, at);
        };
    }

    private RecipeStep forcePush(Mapping f, String at) {
        Optional<String> to = optional(f, "to", at);
        int back = optional(f, "back", at).map(v -> integer(f, "back", v, at)).orElse(0);
        if (to.isPresent() == (back > 0)) {
            throw problem(f.line(), at, "needs exactly one of 'to' (a commit id) or 'back' (a positive count)");
        }
        return new RecipeStep.ForcePush(optional(f, "branch", at), to, back, date(f, at),
                ident(f, "by", at), optional(f, "message", at).orElse("fetch: forced-update"), f.line());
    }

    private Authorship authorship(Mapping f, String at) {
        Ident author = ident(f, "author", at);
        Ident committer = f.entries().containsKey("committer") ? ident(f, "committer", at) : author;
        String message = required(f, "message", at);
        String signed = optional(f, "signed", at).orElse("false").toLowerCase(Locale.ROOT);
        Signing signing = switch (signed) {
            case "true", "gpg" -> Signing.GPG;
            case "ssh" -> Signing.SSH;
            case "false", "none" -> Signing.NONE;
            default -> throw problem(f.entries().get("signed").line(), at + ".signed", "must be gpg, ssh, true or false, was '" + signed + "'");
        };
        return new Authorship(author, committer, date(f, at), message.endsWith("\n") ? message : message + "\n", signing);
    }

    private Map<String, String> files(Mapping f, String at) {
        Map<String, String> files = new LinkedHashMap<>();
        YamlTree node = f.entries().get("files");
        if (node == null) {
            return files;
        }
        for (Map.Entry<String, YamlTree> e : mapping(node, at + ".files").entries().entrySet()) {
            String path = e.getKey();
            if (path.isBlank() || path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).stream()
                    .anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals(".") || s.equalsIgnoreCase(".git"))) {
                throw problem(e.getValue().line(), at + ".files", "path '" + path + "' must be relative, without '.', '..' or '.git'");
            }
            if (!(e.getValue() instanceof Scalar s)) {
                throw problem(e.getValue().line(), at + ".files." + path, "must be the file's text");
            }
            files.put(path, s.text());
        }
        return files;
    }

    private Ident ident(Mapping f, String field, String at) {
        String raw = required(f, field, at);
        Matcher m = IDENT.matcher(raw);
        if (!m.matches()) {
            throw problem(f.entries().get(field).line(), at + "." + field, "must be 'Name <email>', was '" + raw + "'");
        }
        return new Ident(m.group(1), m.group(2).trim());
    }

    private OffsetDateTime date(Mapping f, String at) {
        String raw = required(f, "date", at);
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw problem(f.entries().get("date").line(), at + ".date", "must be an ISO-8601 date-time with offset, e.g. 2026-04-02T09:15:00Z, was '" + raw + "'");
        }
    }

    private int integer(Mapping f, String field, String v, String at) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(f.entries().get(field).line(), at + "." + field, "must be a positive integer, was '" + v + "'");
    }

    private String required(Mapping f, String field, String at) {
        return optional(f, field, at).filter(s -> !s.isBlank())
                .orElseThrow(() -> problem(f.line(), at + "." + field, "is required"));
    }

    private Optional<String> optional(Mapping f, String field, String at) {
        YamlTree node = f.entries().get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof Scalar s) {
            return Optional.of(s.text());
        }
        throw problem(node.line(), at.isEmpty() ? field : at + "." + field, "must be a single value");
    }

    private Mapping mapping(YamlTree node, String where) {
        if (node instanceof Mapping m) {
            return m;
        }
        throw problem(node.line(), where, "must be a mapping");
    }

    private void unknownFields(Mapping m, Set<String> allowed, String prefix) {
        for (Map.Entry<String, YamlTree> e : m.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw problem(e.getValue().line(), prefix + e.getKey(), "unknown field (allowed: " + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private IllegalArgumentException problem(int line, String field, String what) {
        return new IllegalArgumentException("Recipe " + file + ":" + line + ": field '" + field + "' " + what);
    }
}
