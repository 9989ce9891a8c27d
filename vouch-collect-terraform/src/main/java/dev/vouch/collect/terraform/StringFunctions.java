package dev.vouch.collect.terraform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Terraform's string functions. */
final class StringFunctions {
    private static final Set<String> NAMES = Set.of("format", "formatlist", "join", "split", "lower", "upper",
            "title", "replace", "substr", "trimspace", "trim", "trimprefix", "trimsuffix", "chomp", "startswith",
            "endswith", "strrev", "base64encode", "base64decode", "regex", "regexall");

    boolean handles(String name) {
        return NAMES.contains(name);
    }

    Object call(String name, List<Object> a) {
        return switch (name) {
            case "format" -> format(a);
            case "formatlist" -> formatlist(a);
            case "join" -> join(a);
            case "split" -> new ArrayList<Object>(Arrays.asList(s(a, 1, name).split(Pattern.quote(s(a, 0, name)), -1)));
            case "lower" -> s(a, 0, name).toLowerCase(Locale.ROOT);
            case "upper" -> s(a, 0, name).toUpperCase(Locale.ROOT);
            case "title" -> title(s(a, 0, name));
            case "replace" -> replace(s(a, 0, name), s(a, 1, name), s(a, 2, name));
            case "substr" -> substr(s(a, 0, name), Values.lng(Functions.arg(a, 1, name)), Values.lng(Functions.arg(a, 2, name)));
            case "trimspace" -> s(a, 0, name).strip();
            case "trim" -> trim(s(a, 0, name), s(a, 1, name));
            case "trimprefix" -> s(a, 0, name).startsWith(s(a, 1, name)) ? s(a, 0, name).substring(s(a, 1, name).length()) : s(a, 0, name);
            case "trimsuffix" -> s(a, 0, name).endsWith(s(a, 1, name))
                    ? s(a, 0, name).substring(0, s(a, 0, name).length() - s(a, 1, name).length()) : s(a, 0, name);
            case "chomp" -> s(a, 0, name).replaceAll("[\\r\\n]+$", "");
            case "startswith" -> s(a, 0, name).startsWith(s(a, 1, name));
            case "endswith" -> s(a, 0, name).endsWith(s(a, 1, name));
            case "strrev" -> new StringBuilder(s(a, 0, name)).reverse().toString();
            case "base64encode" -> java.util.Base64.getEncoder().encodeToString(s(a, 0, name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "base64decode" -> new String(java.util.Base64.getDecoder().decode(s(a, 0, name)), java.nio.charset.StandardCharsets.UTF_8);
            default -> Unknown.VALUE;
        };
    }

    private static String s(List<Object> a, int i, String fn) {
        Object v = Functions.arg(a, i, fn);
        if (v == null) {
            throw new EvalException(fn + ": argument " + (i + 1) + " must not be null");
        }
        return Values.str(v);
    }

    private static Object join(List<Object> a) {
        String sep = s(a, 0, "join");
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            for (Object e : Values.list(a.get(i), "join list")) {
                parts.add(Values.str(e));
            }
        }
        return String.join(sep, parts);
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetterOrDigit(c);
        }
        return sb.toString();
    }

    private static String replace(String s, String search, String with) {
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
            return s.replaceAll(search.substring(1, search.length() - 1), with);
        }
        return s.replace(search, with);
    }

    private static String substr(String s, long offset, long length) {
        int[] cps = s.codePoints().toArray();
        int start = (int) (offset < 0 ? Math.max(0, cps.length + offset) : Math.min(offset, cps.length));
        int end = length < 0 ? cps.length : (int) Math.min((long) cps.length, start + length);
        return new String(cps, start, Math.max(0, end - start));
    }

    private static String trim(String s, String chars) {
        int b = 0;
        int e = s.length();
        while (b < e && chars.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }

    private static Object formatlist(List<Object> a) {
        int n = -1;
        for (Object o : a.subList(1, a.size())) {
            if (o instanceof List<?> l) {
                n = l.size();
            }
        }
        if (n < 0) {
            return List.of(format(a));
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            row.add(a.get(0));
            for (Object o : a.subList(1, a.size())) {
                row.add(o instanceof List<?> l ? l.get(i) : o);
            }
            out.add(format(row));
        }
        return out;
    }

    /** Supports %s, %d, %v, %q, %f (with flags/width/precision) and %%. */
    static String format(List<Object> a) {
        String spec = s(a, 0, "format");
        StringBuilder out = new StringBuilder();
        int argi = 1;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int j = i + 1;
            while (j < spec.length() && "-+ #0123456789.".indexOf(spec.charAt(j)) >= 0) {
                j++;
            }
            if (j >= spec.length()) {
                throw new EvalException("format: incomplete verb in \"" + spec + "\"");
            }
            char verb = spec.charAt(j);
            String flags = spec.substring(i + 1, j);
            if (verb == '%') {
                out.append('%');
            } else {
                out.append(verb(verb, flags, Functions.arg(a, argi++, "format")));
            }
            i = j;
        }
        return out.toString();
    }

    private static String verb(char verb, String flags, Object v) {
        return switch (verb) {
            case 's', 'v' -> String.format("%" + flags + "s", Values.str(v));
            case 'd' -> String.format("%" + flags + "d", Values.lng(v));
            case 'f', 'e', 'g' -> String.format("%" + flags + verb, Values.dbl(v));
            case 'q' -> "\"" + Values.str(v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 't' -> String.valueOf(Values.bool(v));
            default -> throw new EvalException("format: unsupported verb %" + verb);
        };
    }
}
