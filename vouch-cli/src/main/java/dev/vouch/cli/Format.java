package dev.vouch.cli;

import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.report.JUnitRenderer;
import dev.vouch.report.JsonRenderer;
import dev.vouch.report.Renderer;
import dev.vouch.report.SarifRenderer;
import dev.vouch.report.TableRenderer;
import java.util.Locale;

/** The report formats of {@code vouch scan}. */
enum Format {
    TABLE, JSON, SARIF, JUNIT;

    static Format parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--format must be one of table, json, sarif, junit, was '" + s + "'");
        }
    }

    Renderer renderer(boolean colour) {
        return switch (this) {
            case TABLE -> new TableRenderer(colour);
            case JSON -> new JsonRenderer();
            case SARIF -> new SarifRenderer("", true);
            case JUNIT -> new JUnitRenderer();
        };
    }
}
