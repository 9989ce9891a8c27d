package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** What a vouch.yaml may put in a PostgreSQL URL, and what never shows in a message. */
class PostgresUrlTest {
    @Test
    void remoteServersGetVerifiedTlsByDefaultAndWeakModesAreRefused() {
        assertThat(Database.secureUrl("jdbc:postgresql://db.internal:5432/vouch?user=vouch"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/vouch?user=vouch&sslmode=verify-full");
        assertThat(Database.secureUrl("jdbc:postgresql://db.internal/vouch"))
                .isEqualTo("jdbc:postgresql://db.internal/vouch?sslmode=verify-full");
        assertThat(Database.secureUrl("jdbc:postgresql://db.internal/vouch?sslmode=verify-ca&user=v"))
                .isEqualTo("jdbc:postgresql://db.internal/vouch?sslmode=verify-ca&user=v");
        assertThat(Database.secureUrl("jdbc:postgresql://localhost:5432/vouch?user=v")).isEqualTo("jdbc:postgresql://localhost:5432/vouch?user=v");
        for (String mode : new String[] {"disable", "allow", "prefer", "require"}) {
            assertThatThrownBy(() -> Database.secureUrl("jdbc:postgresql://db.internal/vouch?sslmode=" + mode))
                    .isInstanceOf(StoreException.class).hasMessageContaining("sslmode=" + mode + " would send the password");
        }
    }

    @Test
    void parametersThatLoadCodeOrCarryAPasswordAreRefused() {
        assertThatThrownBy(() -> Database.secureUrl("jdbc:postgresql://localhost/v?socketFactory=evil.Factory"))
                .hasMessageContaining("'socketfactory' is not accepted");
        assertThatThrownBy(() -> Database.secureUrl("jdbc:postgresql://localhost/v?user=u&password=s3cret"))
                .hasMessageContaining("VOUCH_DB_PASSWORD").hasMessageNotContaining("s3cret");
    }

    @Test
    void aMalformedUrlIsNamedWithoutItsParametersAnywhereInTheTrace() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
                Store.open("jdbc:postgresql://h:abc/db?user=u&sslfactoryarg=x&token=s3cret", Clock.systemUTC()));
        assertThat(t).isInstanceOf(StoreException.class);
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("s3cret");
    }
}
