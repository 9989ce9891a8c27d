package dev.vouch.server;

import java.util.Locale;

/**
 * What a signed-in user may do. Admins manage users and settings and must use TOTP; editors run scans, add evidence
 * and handle exceptions; viewers read; auditors read only what lies in their engagement's observation window.
 */
public enum Role {
    ADMIN(true), EDITOR(true), VIEWER(false), AUDITOR(false);

    private final boolean writes;

    Role(boolean writes) {
        this.writes = writes;
    }

    public boolean writes() {
        return writes;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role: '" + s + "' is not one of admin, editor, viewer, auditor");
        }
    }
}
