package dev.vouch.vault.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples from RFC 8785 (§3.2.2 sample object, §3.2.3 sorting example, Appendix B number samples). */
class JcsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String canon(Object value) {
        return new String(Jcs.canonicalize(value), StandardCharsets.UTF_8);
    }

    private static String canonJson(String json) throws Exception {
        return new String(Jcs.canonicalize(JSON.readTree(json)), StandardCharsets.UTF_8);
    }

    private static final String RFC_SAMPLE_CANONICAL = "{\"literals\":[null,true,false],"
            + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

    @Test
    void rfcSampleObjectFromJsonText() throws Exception {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        assertThat(canonJson(input)).isEqualTo(RFC_SAMPLE_CANONICAL);
        // RFC 8785 §3.2.4: the UTF-8 bytes of the result, in hex.
        String rfcHex = "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
                + " 75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
                + " 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
                + " 65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
                + " 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
                + " 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d";
        assertThat(hex(Jcs.canonicalize(JSON.readTree(input)))).isEqualTo(rfcHex.replace(" ", ""));
    }

    @Test
    void rfcSampleObjectFromJavaValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("numbers", List.of(333333333.33333329, 1e30, 4.50, 2e-3, 0.000000000000000000000000001));
        value.put("string", "\u20ac$\u000f\nA'B\"\\\\\"/");
        value.put("literals", Arrays.asList(null, true, false));
        assertThat(canon(value)).isEqualTo(RFC_SAMPLE_CANONICAL);
        assertThat(Jcs.isCanonical(RFC_SAMPLE_CANONICAL.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void rfcSortingExampleOrdersByUtf16CodeUnits() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("\u20ac", "Euro Sign");
        value.put("\r", "Carriage Return");
        value.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        value.put("1", "One");
        value.put("\ud83d\ude00", "Emoji: Grinning Face");
        value.put("\u0080", "Control");
        value.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertThat(canon(value)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void emojiSortsBeforeHighBmpCharactersUnlikeCodePointOrder() {
        Map<String, Object> value = new TreeMap<>(Map.of("\uffff", 1, "\ud83d\ude00", 2, "z", 3));
        assertThat(canon(value)).isEqualTo("{\"z\":3,\"\ud83d\ude00\":2,\"\uffff\":1}");
    }

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their required serialization. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void appendixBNumberSamples(String bits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(canon(d)).isEqualTo(expected);
        assertThat(canon(List.of(d))).isEqualTo("[" + expected + "]");
    }

    @Test
    void moreNumberForms() {
        assertThat(canon(1e21)).isEqualTo("1e+21");
        assertThat(canon(1e20)).isEqualTo("100000000000000000000");
        assertThat(canon(1e-7)).isEqualTo("1e-7");
        assertThat(canon(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(canon(-0.0)).isEqualTo("0");
        assertThat(canon(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(canon(2e23)).as("JDK 17 Double.toString says 2.0000000000000003E23").isEqualTo("2e+23");
        assertThat(canon(1.0)).isEqualTo("1");
        assertThat(canon(42)).isEqualTo("42");
        assertThat(canon(-9007199254740991L)).isEqualTo("-9007199254740991");
        assertThat(canon(5e-324)).isEqualTo("5e-324");
    }

    @Test
    void randomDoublesRoundTrip() {
        Random random = new Random(8785);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = canon(d);
            assertThat(Double.parseDouble(s)).as(s).isEqualTo(d == 0 ? 0.0 : d);
            assertThat(s).doesNotContain("E").doesNotEndWith(".0");
        }
    }

    @Test
    void stringsAreEscapedMinimally() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        assertThat(canon(controls.toString())).isEqualTo("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
                + "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
                + "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"");
        assertThat(canon("\"\\/\u007f\u2028\u00e9\ud83d\ude00")).isEqualTo("\"\\\"\\\\/\u007f\u2028\u00e9\ud83d\ude00\"");
        assertThat(Jcs.canonicalize("\u00e9")).containsExactly('"', 0xc3, 0xa9, '"');
    }

    @Test
    void invalidValuesAreRejectedNamingThePath() {
        Map<String, Object> nan = Map.of("scope", Map.of("weights", List.of(1.0, Double.NaN)));
        assertThatThrownBy(() -> Jcs.canonicalize(nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.scope.weights[1]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Jcs.canonicalize(Map.of("x", Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.x");
        assertThatThrownBy(() -> Jcs.canonicalize(Map.of("seq", 1L << 53)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.seq");
        assertThatThrownBy(() -> Jcs.canonicalize(Map.of(1, "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a String");
        assertThatThrownBy(() -> Jcs.canonicalize(Map.of("note", "bad \ud800 text")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.note")
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> Jcs.canonicalize(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$[0]");
    }

    @Test
    void jsonNodeAndJavaValuesAgree() throws Exception {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("v", 1);
        statement.put("seq", 42L);
        statement.put("kind", "evidence.manual");
        statement.put("scope", Map.of("controls", List.of("CC6.1", "CC6.2"), "criteria", List.of()));
        statement.put("note", "Q3 access review — signed off");
        JsonNode node = JSON.valueToTree(statement);
        assertThat(Jcs.canonicalize(node)).isEqualTo(Jcs.canonicalize(statement));
        assertThat(canon(statement)).isEqualTo("{\"kind\":\"evidence.manual\",\"note\":\"Q3 access review — signed off\","
                + "\"scope\":{\"controls\":[\"CC6.1\",\"CC6.2\"],\"criteria\":[]},\"seq\":42,\"v\":1}");
        assertThat(canonJson("12345678901234567890")).as("parsed JSON numbers are doubles").isEqualTo("12345678901234567000");
    }

    @Test
    void isCanonicalAcceptsOnlyExactCanonicalBytes() {
        assertThat(isCanonical("{\"a\":1,\"b\":[true,null,\"x\"]}")).isTrue();
        assertThat(isCanonical("{}")).isTrue();
        assertThat(isCanonical("\"\u00e9\"")).isTrue();
        assertThat(isCanonical("{\"b\":1,\"a\":2}")).as("unsorted").isFalse();
        assertThat(isCanonical("{\"a\": 1}")).as("whitespace").isFalse();
        assertThat(isCanonical("{\"a\":1}\n")).as("trailing newline").isFalse();
        assertThat(isCanonical("{\"a\":1.0}")).as("number form").isFalse();
        assertThat(isCanonical("{\"a\":1E30}")).isFalse();
        assertThat(isCanonical("{\"a\":1e+30}")).isTrue();
        assertThat(isCanonical("\"\\u00e9\"")).as("needless escape").isFalse();
        assertThat(isCanonical("\"\\/\"")).isFalse();
        assertThat(isCanonical("{\"a\":1,\"a\":1}")).as("duplicate member").isFalse();
        assertThat(isCanonical("{\"a\":1")).as("malformed").isFalse();
        assertThat(isCanonical("\"\\ud800\"")).as("lone surrogate").isFalse();
        assertThat(isCanonical("{\"a\":1}{\"b\":2}")).as("trailing value").isFalse();
        assertThat(isCanonical("")).isFalse();
    }

    private static boolean isCanonical(String s) {
        return Jcs.isCanonical(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
