package dev.vouch.assess.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterCsvTest {

    static final String HEADER = "employee_id,name,email,start_date,end_date\n";

    @Test
    void goodRowsAreUsedAndBadRowsAreNamedByLine() {
        String csv = HEADER
                + "E001,Dana Kim,dana@acme.example,2025-01-06,\n"                 // 2 good
                + ",Nobody,nobody@acme.example,2025-02-01,\n"                     // 3 missing id
                + "E002,Luis Ortega,luis@acme.example,2025-13-01,\n"              // 4 bad date
                + "E003,Priya Raman,priya@acme.example,2025-03-01,2025-02-01\n"   // 5 end before start
                + "E001,Dana Again,dana2@acme.example,2025-04-01,\n"              // 6 duplicate
                + "E004,Sam Lee,sam@acme.example,2025-05-01,2025-06-30\n"         // 7 good
                + "E005,Ana Diaz,ana@acme.example\n"                              // 8 too few fields
                + "E006,Bo Chen,bo@acme.example,,\n"                              // 9 no start date
                + "E007,Al Wu,al@acme.example,2025-01-01,30/06/2025\n";           // 10 bad end date
        Roster roster = RosterCsv.read(new StringReader(csv), "roster.csv");

        assertThat(roster.employees()).extracting(Employee::id).containsExactly("E001", "E004");
        assertThat(roster.employees().get(1).endDate()).contains(LocalDate.of(2025, 6, 30));
        assertThat(roster.employees().get(0).endDate()).isEmpty();
        assertThat(roster.errors()).containsExactly(
                "line 3: employee_id is empty",
                "line 4: start_date '2025-13-01' is not an ISO date (YYYY-MM-DD) for employee E002",
                "line 5: end_date 2025-02-01 is before start_date 2025-03-01 for employee E003",
                "line 6: duplicate employee_id 'E001' (first on line 2)",
                "line 8: has 3 fields, the header has 5",
                "line 9: start_date is empty for employee E006",
                "line 10: end_date '30/06/2025' is not an ISO date (YYYY-MM-DD) for employee E007");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        String csv = "Employee_ID, Name ,email,start_date,end_date,department\r\n"
                + "E1,\"Kim, Dana \"\"DK\"\"\",dana@acme.example,2025-01-06,,\"Eng\"\r\n"
                + "E2,\"Two\nLines\",two@acme.example,2025-01-07,,Ops\r\n"
                + "E3,Bad\"Quote,x@acme.example,2025-01-08,,Ops\r\n"
                + "E4,\"Closed\"junk,y@acme.example,2025-01-09,,Ops\r\n";
        Roster roster = RosterCsv.read(new StringReader("\uFEFF" + csv), "hr.csv");

        assertThat(roster.employees()).extracting(Employee::name).containsExactly("Kim, Dana \"DK\"", "Two\nLines");
        assertThat(roster.employees()).extracting(Employee::line).containsExactly(2, 3);
        assertThat(roster.errors()).containsExactly(
                "line 5: field 2 has a quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")",
                "line 6: field 2 has text after its closing quote");
    }

    @Test
    void missingColumnIsOneErrorNamingFileAndColumn() {
        assertThatThrownBy(() -> RosterCsv.read(new StringReader("employee_id,name,email,start_date\nE1,A,a@x,2025-01-01\n"),
                "people.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("people.csv: line 1: missing required column 'end_date' in the header "
                        + "(required: employee_id,name,email,start_date,end_date; found: employee_id,name,email,start_date)");
    }

    @Test
    void emptyFileBareCarriageReturnAndOpenQuoteAreRejectedClearly() {
        assertThatThrownBy(() -> RosterCsv.parse("empty.csv", "\n\n"))
                .hasMessageStartingWith("empty.csv: the roster is empty");
        assertThatThrownBy(() -> RosterCsv.parse("mac.csv", HEADER.replace("\n", "\r") + "E1,A,a@x,2025-01-01,\r"))
                .hasMessage("mac.csv: line 1: bare carriage return (CR without LF); save the file with LF or CRLF line endings");
        assertThatThrownBy(() -> RosterCsv.parse("open.csv", HEADER + "E1,A,a@x,2025-01-01,\nE2,\"B,b@x,2025-01-01,\n"))
                .hasMessage("open.csv: line 3: quoted field is never closed (a '\"' is missing)");
    }

    @Test
    void readsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, HEADER + "E9,Zoe,zoe@acme.example,2024-12-31,2025-01-15", StandardCharsets.UTF_8);
        Roster roster = RosterCsv.read(file);
        assertThat(roster.file()).isEqualTo(file.toString());
        assertThat(roster.employees()).singleElement().satisfies(e -> {
            assertThat(e.startDate()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(e.endDate()).isEqualTo(Optional.of(LocalDate.of(2025, 1, 15)));
        });
        assertThat(roster.errors()).isEmpty();
    }
}
