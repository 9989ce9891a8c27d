package dev.vouch.model;

/** How to fix a failing check: prose, a CLI command, and a Terraform snippet (each may be empty). */
public record Remediation(String text, String cli, String terraform) {
    public Remediation {
        text = text == null ? "" : text;
        cli = cli == null ? "" : cli;
        terraform = terraform == null ? "" : terraform;
    }

    public static Remediation none() {
        return new Remediation("", "", "");
    }
}
