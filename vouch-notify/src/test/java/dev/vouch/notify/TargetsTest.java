package dev.vouch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Severity;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TargetsTest {
    @Test
    void internalAddressesAreRecognised() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1"}) {
            assertThat(Targets.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"203.0.113.7", "8.8.8.8", "100.128.0.1", "2001:db8::1"}) {
            assertThat(Targets.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void aNameOrAddressThatIsInternalIsRefusedUnlessTheChannelAllowsIt() {
        WebhookChannel metadata = new WebhookChannel("meta", URI.create("https://169.254.169.254/latest/meta-data"),
                WebhookChannel.Format.GENERIC, Severity.LOW);
        assertThat(Targets.refusal(metadata)).hasValueSatisfying(r -> assertThat(r).contains("internal address (169.254.169.254)"));
        WebhookChannel internal = new WebhookChannel("chat", URI.create("https://10.0.0.5/hooks/x"), WebhookChannel.Format.SLACK,
                Severity.LOW, true);
        assertThat(Targets.refusal(internal)).as("allowPrivateNetwork").isEmpty();
        WebhookChannel local = new WebhookChannel("local", URI.create("http://127.0.0.1:9/hook"), WebhookChannel.Format.SLACK, Severity.LOW);
        assertThat(Targets.refusal(local)).as("a literal loopback URL is a local receiver").isEmpty();
        Notifier notifier = Notifier.standard(java.time.Clock.systemUTC());
        DeliveryResult r = notifier.send(Events.drift(), java.util.List.of(metadata)).get(0);
        assertThat(r.ok()).isFalse();
        assertThat(r.attempts()).isZero();
        assertThat(r.detail()).contains("internal address").doesNotContain("meta-data");
    }
}
