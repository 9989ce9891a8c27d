package dev.vouch.engine;

import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Applies valid exceptions to non-passing findings and reports expired and unused ones. */
final class ExceptionOverlay {
    private final List<ExceptionRule> rules;
    private final Instant now;

    ExceptionOverlay(List<ExceptionRule> rules, Clock clock) {
        this.rules = List.copyOf(rules);
        this.now = clock.instant();
    }

    Engine.Evaluation apply(List<Finding> findings) {
        List<ExceptionNotice> notices = new ArrayList<>();
        List<ExceptionRule> valid = new ArrayList<>();
        for (ExceptionRule r : rules) {
            if (r.validAt(now)) {
                valid.add(r);
            } else {
                notices.add(new ExceptionNotice(r.id(), ExceptionNotice.Kind.EXPIRED, "Exception " + r.id()
                        + " for " + r.checkId() + " (" + r.resourceGlob() + ", owner " + r.owner() + ") expired on "
                        + r.expires() + "; its findings count again (" + r.origin().display() + ")"));
            }
        }
        if (valid.isEmpty()) {
            return new Engine.Evaluation(findings, notices);
        }
        Set<String> used = new HashSet<>();
        java.util.Map<ExceptionRule, java.util.regex.Pattern> globs = new java.util.IdentityHashMap<>();
        valid.forEach(r -> globs.put(r, r.globPattern()));
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(overlay(f, valid, globs, used));
        }
        for (ExceptionRule r : valid) {
            if (!used.contains(r.id())) {
                notices.add(new ExceptionNotice(r.id(), ExceptionNotice.Kind.UNUSED, "Exception " + r.id() + " for "
                        + r.checkId() + " (" + r.resourceGlob() + ") matched no failing finding: remove it or fix its scope ("
                        + r.origin().display() + ")"));
            }
        }
        return new Engine.Evaluation(out, notices);
    }

    private static Finding overlay(Finding f, List<ExceptionRule> valid, java.util.Map<ExceptionRule, java.util.regex.Pattern> globs,
            Set<String> used) {
        if (!f.outcome().isNonPassing()) {
            return f;
        }
        String resource = f.resourceId().toLowerCase(java.util.Locale.ROOT);
        for (ExceptionRule r : valid) {
            if (r.checkId().equals(f.checkId()) && globs.get(r).matcher(resource).matches()) {
                used.add(r.id());
                return f.withOutcome(Outcome.EXCEPTED, r.id());
            }
        }
        return f;
    }
}
