package dev.vouch.assess.type2;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain-text Type II summary: window, verdict table, then per control its reasons, gaps, exceptions and misses. */
public final class Type2Text {

    public String summary(Type2Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Type II observation window ").append(Fmt.span(report.window().from(), report.window().to()))
                .append(" (end exclusive), ").append(Fmt.duration(report.window().length())).append('\n');
        sb.append("Scans in window: ").append(report.scans().size()).append(", expected every ")
                .append(Fmt.duration(report.policy().scanCadence())).append("; coverage minimum ")
                .append(report.policy().minCoveragePercent()).append("%; SLA ")
                .append(report.policy().remediationSla().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey().label() + " " + Fmt.duration(e.getValue()))
                        .collect(Collectors.joining(", ")))
                .append('\n');
        sb.append(report.verdictCounts().entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(" | "))).append("\n\n");
        table(sb, report.controls());
        for (ControlResult c : report.controls()) {
            details(sb, c);
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<ControlResult> controls) {
        int w = Math.max(7, controls.stream().mapToInt(c -> c.controlId().length()).max().orElse(0));
        sb.append(String.format("%-" + w + "s  %-9s  %-25s  %8s  %10s  %6s%n", "control", "nature", "verdict",
                "coverage", "exceptions", "missed"));
        for (ControlResult c : controls) {
            String cov = c.coverage().map(v -> v.percent().toPlainString() + "%").orElse("-");
            String exc = c.exceptions().isEmpty() ? "-" : c.exceptions().size() + " (" + c.beyondSla() + " >SLA)";
            String missed = c.occurrences().isEmpty() ? "-" : Integer.toString(c.missed().size());
            sb.append(String.format("%-" + w + "s  %-9s  %-25s  %8s  %10s  %6s%n", c.controlId(), c.nature().key(),
                    c.verdict().label(), cov, exc, missed));
        }
    }

    private static void details(StringBuilder sb, ControlResult c) {
        sb.append('\n').append(c.controlId()).append("  ").append(c.verdict().label()).append("  ").append(c.title())
                .append('\n');
        c.reasons().forEach(r -> sb.append("  - ").append(r).append('\n'));
        for (ExceptionPeriod e : c.exceptions()) {
            sb.append("  exception ").append(line(e)).append('\n');
        }
        for (ExceptionPeriod e : c.accepted()) {
            sb.append("  accepted  ").append(line(e)).append('\n');
        }
        for (Occurrences o : c.occurrences()) {
            for (Period p : o.missed()) {
                sb.append("  missed    ").append(o.evidenceType()).append(' ').append(Fmt.period(p)).append('\n');
            }
        }
    }

    private static String line(ExceptionPeriod e) {
        String end = e.openAtWindowEnd() ? "open at window end" : Fmt.at(e.to());
        String sla = e.status() == SlaStatus.ACCEPTED ? "accepted"
                : e.status().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT) + " SLA " + Fmt.duration(e.sla());
        return e.checkId() + " " + e.resourceName() + " [" + e.resourceId() + "] " + e.severity().label() + " "
                + Fmt.at(e.from()) + " → " + end + ", " + Fmt.duration(e.duration()) + ", " + sla;
    }
}
