package dev.vouch.assess.sample;

import dev.vouch.catalog.Frequency;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Picks a sample an auditor can re-derive from the population and a vault checkpoint root alone.
 *
 * <p>Algorithm (N items in canonical order, n to pick; {@code ‖} is concatenation):
 * <pre>
 * pool = [0, 1, …, N-1]
 * for i in 0 … n-1:
 *     h = SHA-256(root[32 bytes] ‖ "vouch-sample" ‖ 0x00 ‖ UTF-8(population name) ‖ 0x00 ‖ i as 8-byte big-endian)
 *     j = (h as an unsigned big-endian integer) mod len(pool)
 *     pick pool[j]; remove it from pool (later entries move down one)
 * </pre>
 * No {@link java.util.Random} is involved; the modulo bias over a 256-bit value is below 2^-200.
 */
public final class Sampler {

    static final byte[] DOMAIN = "vouch-sample".getBytes(StandardCharsets.UTF_8);

    private final SampleSizes sizes;

    public Sampler(SampleSizes sizes) {
        this.sizes = Objects.requireNonNull(sizes, "sizes");
    }

    /** Sample for a control: the size comes from its frequency and the population size. */
    public Sample sample(String controlId, Frequency frequency, Population population, CheckpointRoot root) {
        return select(controlId, population, sizes.size(frequency, population.size()), root);
    }

    /** Picks {@code min(size, population size)} items. */
    public static Sample select(String controlId, Population population, int size, CheckpointRoot root) {
        if (size < 0) {
            throw new IllegalArgumentException("sample size must be >= 0, was " + size);
        }
        int n = Math.min(size, population.size());
        List<Integer> pool = new ArrayList<>(IntStream.range(0, population.size()).boxed().toList());
        List<Sample.Pick> picks = new ArrayList<>();
        byte[] rootBytes = root.bytes();
        for (int i = 0; i < n; i++) {
            byte[] h = drawHash(rootBytes, population.name(), i);
            int j = new BigInteger(1, h).mod(BigInteger.valueOf(pool.size())).intValueExact();
            int index = pool.remove(j);
            picks.add(new Sample.Pick(i, index, HexFormat.of().formatHex(h), population.items().get(index)));
        }
        return new Sample(controlId, population.name(), population.source(), population.size(), root, picks);
    }

    static byte[] drawHash(byte[] root, String populationName, long draw) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        sha.update(root);
        sha.update(DOMAIN);
        sha.update((byte) 0);
        sha.update(populationName.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(draw).array());
        return sha.digest();
    }
}
