package dev.vouch.assess.sample;

import java.util.Map;
import java.util.stream.Collectors;

/** Plain-text rendering of a sample, for {@code vouch sample}: enough for an auditor to re-derive it. */
public final class SampleText {

    private SampleText() {
    }

    public static String render(Sample s, Population population) {
        StringBuilder out = new StringBuilder();
        out.append("Sample for ").append(s.controlId().isEmpty() ? "(no control)" : s.controlId())
                .append(": ").append(s.size()).append(" of ").append(s.populationSize()).append(' ')
                .append(s.population()).append('\n');
        out.append("population: ").append(s.source()).append('\n');
        out.append("seed: checkpoint root ").append(s.root().hex());
        if (s.root().treeSize() >= 0) {
            out.append(" (").append(s.root().origin()).append(", tree size ").append(s.root().treeSize()).append(')');
        }
        out.append('\n');
        out.append("method: SHA-256(root ‖ \"vouch-sample\" ‖ 0x00 ‖ name ‖ 0x00 ‖ uint64be(draw)) mod remaining; "
                + "see docs/scoring.md\n");
        for (Sample.Pick p : s.picks()) {
            out.append(String.format("%3d  #%-5d %s  %s  %s  %s%n", p.draw(), p.index(), p.item().at(), p.item().id(),
                    p.item().description(), attributes(p.item().attributes())));
            out.append("     sha256 ").append(p.hash()).append('\n');
        }
        for (String problem : population.problems()) {
            out.append("problem: ").append(problem).append('\n');
        }
        return out.toString();
    }

    private static String attributes(Map<String, String> attrs) {
        return attrs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
