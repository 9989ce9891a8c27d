package dev.vouch.cli;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.Scorer;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.model.Finding;
import dev.vouch.store.FindingDelta;
import dev.vouch.store.ScanSummary;
import dev.vouch.store.Store;
import dev.vouch.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Overall scores of recorded scans, the one way the trend (reports) and {@code vouch history} get them: kept
 * scores are read; a missing one is computed from the findings of its scan, rebuilt from the previous point by the
 * recorded delta (so walking a year costs its churn, not 365 full states), and kept for next time.
 */
final class ScoreWalk {
    private ScoreWalk() {
    }

    /**
     * The overall score at each of {@code points} (scans in time order), as of that scan's time.
     *
     * @param onDelta when not null, called with every point after the first and the delta from the previous point
     *                (read for every point then, not only where a score is missing)
     */
    static List<Double> scores(Store store, List<ScanSummary> points, Catalog catalog, Set<Category> scope,
            List<EvidenceItem> evidence, BiConsumer<ScanSummary, FindingDelta> onDelta) {
        String basis = basis(catalog, scope);
        Map<Long, Double> kept = store.scores(basis);
        List<Double> out = new ArrayList<>();
        Map<String, Finding> state = null; // the findings after the previous point, once one had to be computed
        ScanSummary previous = null;
        for (ScanSummary s : points) {
            if (previous != null && (state != null || onDelta != null)) {
                FindingDelta delta = store.delta(previous.id(), s.id());
                if (state != null) {
                    delta.applyTo(state);
                }
                if (onDelta != null) {
                    onDelta.accept(s, delta);
                }
            }
            Double score = kept.get(s.id());
            if (score == null) {
                if (state == null) {
                    state = new HashMap<>();
                    for (Finding f : store.findingsAtScan(s.id())) {
                        state.put(FindingDelta.key(f), f);
                    }
                }
                score = overall(catalog, scope, evidence, new ArrayList<>(state.values()), s.finishedAt());
                keep(store, s.id(), basis, score);
            }
            out.add(score);
            previous = s;
        }
        return out;
    }

    /**
     * Scores a just-recorded scan and keeps the score, so trends never have to recompute it. Like the store, it
     * keeps the first finding of a (check, resource) pair a scan reported twice, so the score is the one
     * {@code vouch score --as-of} gives for that scan.
     */
    static void keepScan(Store store, long scanId, List<Finding> findings, Instant finishedAt, Catalog catalog,
            Set<Category> scope, List<EvidenceItem> evidence) {
        Map<String, Finding> once = new LinkedHashMap<>();
        findings.forEach(f -> once.putIfAbsent(FindingDelta.key(f), f));
        keep(store, scanId, basis(catalog, scope), overall(catalog, scope, evidence, new ArrayList<>(once.values()), finishedAt));
    }

    /**
     * What a kept score depends on besides the recorded findings and evidence: scope, the criteria and controls,
     * the scoring rules' version ({@link Scorer#RULES}) and Vouch's version. A different basis is another score.
     */
    static String basis(Catalog catalog, Set<Category> scope) {
        String version = String.valueOf(ScoreWalk.class.getPackage().getImplementationVersion());
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((catalog.criteria().toString() + catalog.controls()).getBytes(StandardCharsets.UTF_8));
            return "scope=" + scope.stream().map(Category::key).sorted().toList() + ";catalog="
                    + HexFormat.of().formatHex(h, 0, 8) + ";rules=" + Scorer.RULES + ";vouch=" + version;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The overall score at instant {@code t}: evidence recorded by then, freshness judged then. */
    static double overall(Catalog catalog, Set<Category> scope, List<EvidenceItem> evidence, List<Finding> findings, Instant t) {
        return new Scorer(catalog, scope, Clock.fixed(t, ZoneOffset.UTC))
                .overall(findings, evidence.stream().filter(e -> !e.recordedAt().isAfter(t)).toList());
    }

    /** Keeps a score when the database can be written; a read-only copy (an auditor's) just recomputes next time. */
    private static void keep(Store store, long scanId, String basis, double score) {
        try {
            store.saveScore(scanId, basis, score);
        } catch (StoreException e) {
            // not writable: the number is still right, only not kept
        }
    }
}
