package dev.vouch.report.oscal;

import dev.vouch.catalog.Catalog;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.report.assessment.Type2Model;
import java.util.Objects;

/**
 * Readiness and Type II reports as OSCAL 1.1.3 {@code assessment-results} JSON.
 *
 * <p>Every {@code uuid} is a name-based version 5 UUID of stable inputs (organization, scan or window, ids),
 * so the same model always gives byte-identical output. Vouch has no OSCAL assessment plan: {@code import-ap}
 * points at a back-matter resource that describes the plan. Reviewed controls are the Trust Services
 * Criteria, lower-cased to OSCAL tokens ({@code CC6.1} is {@code cc6.1}). Timestamps are ISO 8601 in UTC.
 */
public final class OscalResults {

    private OscalResults() {
    }

    /**
     * One result for the scored scan: a TEST observation per check with findings, an EXAMINE observation per
     * manual evidence entry, a finding per in-scope criterion (satisfied only when every control under it is
     * tested and scored 100).
     *
     * @return pretty-printed UTF-8 JSON, LF line ends, trailing newline
     */
    public static byte[] readiness(ReadinessModel m) {
        Objects.requireNonNull(m, "model");
        String seed = String.join("|", "readiness", m.organization(), "scan-" + m.scan().id(),
                Oscal.time(m.generatedAt()));
        Evidence evidence = new Evidence(m.evidence(), seed);
        ReadinessResult result = new ReadinessResult(m, seed, evidence);
        Document doc = new Document(seed, "SOC 2 readiness — " + m.organization(), m.organization(),
                m.generatedAt(), "scan-" + m.scan().id(), result.plan());
        return Oscal.write(doc.build(result.build(), evidence, m.seal()));
    }

    /** {@link #type2(Type2Model, Catalog)} with the catalog shipped with Vouch. */
    public static byte[] type2(Type2Model m) {
        return type2(m, Catalog.loadDefault());
    }

    /**
     * One result for the observation window: TEST observations of non-passing periods, EXAMINE observations
     * of manual evidence, a finding per criterion (satisfied only when all its controls are EFFECTIVE) and one
     * per control (verdict, coverage, exceptions).
     *
     * @param catalog the catalog the report was analysed with (control → criteria links, criterion text)
     * @return pretty-printed UTF-8 JSON, LF line ends, trailing newline
     */
    public static byte[] type2(Type2Model m, Catalog catalog) {
        Objects.requireNonNull(m, "model");
        Objects.requireNonNull(catalog, "catalog");
        String seed = String.join("|", "type2", m.organization(), m.report().window().toString(),
                Oscal.time(m.generatedAt()));
        Evidence evidence = new Evidence(m.evidence(), seed);
        Type2Result result = new Type2Result(m, catalog, seed, evidence);
        Document doc = new Document(seed, "SOC 2 Type II observation — " + m.organization(), m.organization(),
                m.generatedAt(), m.report().window().toString(), result.plan());
        return Oscal.write(doc.build(result.build(), evidence, m.seal()));
    }
}
