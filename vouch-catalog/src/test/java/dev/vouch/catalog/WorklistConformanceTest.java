package dev.vouch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The default library maps exactly the P1-first worklist checks that work offline (modes I, E, H
 * or G). Reads the shared worklist when present; skipped elsewhere.
 */
class WorklistConformanceTest {

    static final Path WORKLIST = Path.of("/work/shared/docs/CHECKS-WORKLIST.tsv");

    @Test
    void defaultLibraryMapsExactlyThePriorityOneWorklistChecks() throws IOException {
        assumeTrue(Files.isReadable(WORKLIST), "worklist not present: " + WORKLIST);
        Set<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(WORKLIST).subList(1, Files.readAllLines(WORKLIST).size())) {
            String[] cols = line.split("\t", -1);
            if (cols.length > 3 && cols[1].equals("P1-first") && cols[3].matches(".*[IEHG].*")) {
                expected.add(cols[0]);
            }
        }
        assertThat(expected).hasSize(130);
        assertThat(new TreeSet<>(Catalog.loadDefault().referencedCheckIds())).isEqualTo(expected);
    }
}
