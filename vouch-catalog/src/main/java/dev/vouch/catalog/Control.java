package dev.vouch.catalog;

import java.util.List;
import java.util.Objects;

/**
 * An organization's control, as in the control library ({@code controls.yaml}).
 *
 * @param id stable, opaque, never reused (e.g. {@code VC-IAM-01}); see {@code id-registry.tsv}
 * @param title the control, stated as what is true when it operates
 * @param description how it operates
 * @param owner the role accountable for it, e.g. "Head of Engineering"
 * @param type preventive, detective or corrective
 * @param nature automated (tested by checks), manual (tested by evidence) or hybrid
 * @param frequency how often it operates
 * @param responsibility customer, inherited from the cloud provider, or shared
 * @param criteria the criterion ids it addresses, in file order
 * @param checks the check ids that test it, in file order (empty for manual controls)
 * @param evidence the evidence it requires (empty only for fully automated controls)
 */
public record Control(
        String id,
        String title,
        String description,
        String owner,
        ControlType type,
        Nature nature,
        Frequency frequency,
        Responsibility responsibility,
        List<String> criteria,
        List<String> checks,
        List<EvidenceRequirement> evidence) {

    public Control {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(responsibility, "responsibility");
        criteria = List.copyOf(criteria);
        checks = List.copyOf(checks);
        evidence = List.copyOf(evidence);
    }
}
