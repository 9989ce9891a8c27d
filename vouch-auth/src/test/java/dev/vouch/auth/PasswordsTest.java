package dev.vouch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    final Passwords passwords = new Passwords();

    @Test
    void argon2idHashesAreSaltedAndVerify() {
        String h1 = passwords.hash("correct horse battery staple");
        String h2 = passwords.hash("correct horse battery staple");
        assertThat(h1).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(h2).doesNotContain("horse");
        assertThat(passwords.matches("correct horse battery staple", h1)).isTrue();
        assertThat(passwords.matches("correct horse battery stapler", h1)).isFalse();
        assertThat(passwords.matches("anything", "")).isFalse();
        assertThat(passwords.matches("anything", null)).isFalse();
        assertThat(passwords.matches(null, h1)).isFalse();
        assertThat(passwords.needsRehash(h1)).isFalse();
        String weaker = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("x");
        assertThat(passwords.needsRehash(weaker)).isTrue();
    }

    @Test
    void newPasswordRulesAreAboutLengthNotComposition() {
        assertThat(Passwords.problems("correct horse battery staple", "alice")).isEmpty();
        assertThat(Passwords.problems("Tr0ub4dor&3", "alice")).containsExactly(
                "at least 12 characters (a passphrase of a few words works well)");
        assertThat(Passwords.problems("alice-is-very-secure", "alice")).containsExactly("must not contain the user name");
        assertThat(Passwords.problems("aaaaaaaaaaaaaaaa", "bob")).containsExactly("must not repeat one or two characters");
        assertThat(Passwords.problems("x".repeat(300) + "yz", "bob")).contains("at most 256 characters");
    }
}
