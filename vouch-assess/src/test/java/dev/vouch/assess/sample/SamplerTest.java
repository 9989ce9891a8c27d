package dev.vouch.assess.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.catalog.Frequency;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplerTest {

    /** SHA-256 of the empty string: the root of an empty vault. */
    static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final CheckpointRoot ROOT = CheckpointRoot.parse(EMPTY_ROOT, "test");

    static Population population(String name, int n) {
        Instant t0 = Instant.parse("2026-04-01T00:00:00Z");
        List<PopulationItem> items = IntStream.range(0, n)
                .mapToObj(i -> new PopulationItem(String.format("item-%03d", i), "change", t0.plusSeconds(60L * i), "", Map.of()))
                .toList();
        return new Population(name, items, "test");
    }

    @Test
    void knownAnswerComputedWithTheDocumentedPythonSnippet() {
        // docs/scoring.md "Populations and samples": the Python lines there print exactly these lists.
        Sample changes = Sampler.select("VC-CHG-01", population("changes", 100), 25, ROOT);
        assertThat(changes.indices()).containsExactly(45, 12, 53, 55, 17, 75, 66, 21, 95, 35, 36, 51, 76, 43, 50, 91, 47,
                1, 78, 20, 23, 11, 3, 87, 56);
        assertThat(changes.picks().get(0).hash()).isEqualTo("d188fc63c7c400ae522ce6a6fbd03258087aa1ea8975feb790bd07761d04e041");
        assertThat(changes.picks().get(0).item().id()).isEqualTo("item-045");
        assertThat(changes.picks()).extracting(Sample.Pick::draw).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());

        assertThat(Sampler.select("", population("hires", 7), 5, ROOT).indices()).containsExactly(4, 3, 5, 0, 2);
    }

    @Test
    void independentRecomputationGivesTheSameIndices() throws Exception {
        Population p = population("terminations", 57);
        Sample sample = Sampler.select("VC-HR-02", p, 20, ROOT);

        LinkedList<Integer> pool = new LinkedList<>();
        for (int k = 0; k < 57; k++) {
            pool.add(k);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String message = "vouch-sample\u0000terminations\u0000";
            byte[] prefix = message.getBytes(StandardCharsets.US_ASCII);
            byte[] counter = new BigInteger(1, new byte[] {0, 0, 0, 0, 0, 0, 0, 0}).add(BigInteger.valueOf(i)).toByteArray();
            byte[] eight = new byte[8];
            System.arraycopy(counter, 0, eight, 8 - counter.length, counter.length);
            byte[] all = new byte[32 + prefix.length + 8];
            System.arraycopy(HexFormat.of().parseHex(EMPTY_ROOT), 0, all, 0, 32);
            System.arraycopy(prefix, 0, all, 32, prefix.length);
            System.arraycopy(eight, 0, all, 32 + prefix.length, 8);
            BigInteger value = new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(all));
            expected.add(pool.remove(value.remainder(BigInteger.valueOf(pool.size())).intValue()));
        }
        assertThat(sample.indices()).containsExactlyElementsOf(expected);
    }

    @Test
    void sameSeedSameSampleOtherRootOrNameOtherSample() {
        Population p = population("changes", 100);
        CheckpointRoot other = CheckpointRoot.parse("00".repeat(31) + "01", "other");

        Sample a = Sampler.select("C", p, 25, ROOT);
        Sample b = Sampler.select("C", population("changes", 100), 25, CheckpointRoot.parse(EMPTY_ROOT, "again"));
        Sample c = Sampler.select("C", p, 25, other);
        Sample d = Sampler.select("C", population("changes-prod", 100), 25, ROOT);

        assertThat(b.indices()).isEqualTo(a.indices());
        assertThat(c.indices()).containsExactly(76, 67, 75, 54, 70, 13, 29, 48, 68, 41, 77, 51, 95, 94, 42, 60, 61, 43, 69,
                2, 79, 34, 66, 96, 99);
        assertThat(d.indices()).isNotEqualTo(a.indices());
        assertThat(a.indices()).doesNotHaveDuplicates();
    }

    @Test
    void sampleIsCappedByThePopulationAndSizedByFrequency() {
        Sampler sampler = new Sampler(SampleSizes.standard());
        Sample all = sampler.sample("VC-HR-01", Frequency.PER_EVENT, population("hires", 7), ROOT);
        assertThat(all.size()).isEqualTo(7);
        assertThat(all.indices()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);

        Sample quarterly = sampler.sample("VC-IAM-03", Frequency.QUARTERLY, population("reviews", 4), ROOT);
        assertThat(quarterly.size()).isEqualTo(2);
        assertThat(sampler.sample("X", Frequency.PER_EVENT, population("changes", 300), ROOT).size()).isEqualTo(40);
        assertThat(sampler.sample("X", Frequency.DAILY, population("changes", 0), ROOT).picks()).isEmpty();
        assertThat(quarterly.populationSize()).isEqualTo(4);
        assertThat(quarterly.controlId()).isEqualTo("VC-IAM-03");
    }

    @Test
    void checkpointTextHexAndBase64GiveTheSameRoot() {
        String checkpoint = "vouch/acme-analytics\n1024\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
                + "time 2026-11-22T12:00:00Z\n\n— vouch/acme-analytics AAAA\n";
        CheckpointRoot fromText = CheckpointRoot.parse(checkpoint, "cp.txt");
        assertThat(fromText.hex()).isEqualTo(EMPTY_ROOT);
        assertThat(fromText.origin()).isEqualTo("vouch/acme-analytics");
        assertThat(fromText.treeSize()).isEqualTo(1024);
        assertThat(CheckpointRoot.parse("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "root").hex()).isEqualTo(EMPTY_ROOT);
        assertThat(CheckpointRoot.parse(EMPTY_ROOT.toUpperCase(), "root").hex()).isEqualTo(EMPTY_ROOT);

        assertThatThrownBy(() -> CheckpointRoot.parse("vouch/x\nten\nAAAA\n", "cp.txt"))
                .hasMessage("cp.txt: line 2: tree size must be a decimal number, was 'ten'");
        assertThatThrownBy(() -> CheckpointRoot.parse("vouch/x\n3\nAAAA\n", "cp.txt"))
                .hasMessage("cp.txt: line 3: root hash must be 32 bytes (SHA-256), was 3 bytes");
        assertThatThrownBy(() -> CheckpointRoot.parse("not base64!", "root.txt"))
                .hasMessageStartingWith("root.txt: line 1: root hash must be Base64 of 32 bytes or 64 hex digits");
    }
}
