package dev.vouch.collect.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArmFailuresTest {
    private static final ArmListType STORAGE = ArmListType.ALL.stream()
            .filter(t -> t.vouchType().equals("azure.storage.account")).findFirst().orElseThrow();

    @Test
    void namesStatusCodePermissionAndSubscription() {
        assertThat(ArmFailures.denied(403, "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"x\"}}", STORAGE, "s1"))
                .isEqualTo("403 AuthorizationFailed: the credential lacks Microsoft.Storage/storageAccounts/read on subscription s1 (assign Reader)");
        assertThat(ArmFailures.denied(401, "not json", STORAGE, "s1"))
                .startsWith("401 Unauthorized: the credential was not accepted for Microsoft.Storage/storageAccounts/read on subscription s1");
    }

    @Test
    void recognisesAnUnregisteredProvider() {
        assertThat(ArmFailures.notRegistered("{\"error\":{\"code\":\"MissingSubscriptionRegistration\"}}")).isTrue();
        assertThat(ArmFailures.notRegistered("{\"error\":{\"code\":\"AuthorizationFailed\"}}")).isFalse();
        assertThat(ArmFailures.notRegistered("")).isFalse();
    }

    @Test
    void scrubsTokensAndShortens() {
        assertThat(ArmFailures.scrub("Authorization: Bearer abc.def-ghi rest")).isEqualTo("Authorization: Bearer <redacted> rest");
        assertThat(ArmFailures.scrub("got eyJhbGciOi.eyJzdWIiOiJ4.sig here")).isEqualTo("got <redacted> here");
        assertThat(ArmFailures.scrub("x".repeat(500))).hasSize(301);
    }
}
