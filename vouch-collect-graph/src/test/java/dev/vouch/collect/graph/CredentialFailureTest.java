package dev.vouch.collect.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CredentialFailureTest {
    private static CollectionError error(int i, String message) {
        return new CollectionError(Origin.of("graph", "https://graph.microsoft.com/v1.0/e" + i), message);
    }

    @Test
    void everyEndpointFailingOnTheCredentialIsOneActionableError() {
        List<CollectionError> all = IntStream.range(0, GraphEndpoint.ALL.size())
                .mapToObj(i -> error(i, "reading failed: DefaultAzureCredential authentication failed.")).toList();
        List<CollectionError> out = GraphLiveCollector.credentialFailure(all);
        assertThat(out).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("no endpoint could be read: no usable credential for Microsoft Graph").contains("az login"));
    }

    @Test
    void otherFailuresAreKeptAsTheyAre() {
        List<CollectionError> some = List.of(error(1, "403 Forbidden: needs Policy.Read.All"), error(2, "DefaultAzureCredential failed"));
        assertThat(GraphLiveCollector.credentialFailure(some)).isEqualTo(some);
    }
}
