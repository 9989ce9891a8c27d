package dev.vouch.vault.jcs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number.prototype.toString} for IEEE 754 doubles, as RFC 8785 §3.2.2.3 requires:
 * the shortest decimal that round-trips (closest to the exact value; even digit on a tie), laid out
 * in plain or exponent form by the ECMAScript rules. Independent of the JDK's {@code Double.toString},
 * which before JDK 19 does not always give the shortest digits.
 */
final class JcsNumbers {
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final int MAX_DIGITS = 17;

    private JcsNumbers() {
    }

    static String format(double d, String path) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON cannot represent " + d + " at " + path + " (RFC 8785 §3.2.2.3)");
        }
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        String sign = d < 0 ? "-" : "";
        if (abs <= MAX_SAFE_INTEGER && abs == Math.rint(abs)) {
            return sign + (long) abs;
        }
        BigDecimal shortest = shortest(abs).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int n = digits.length() - shortest.scale();
        return sign + layout(digits, n);
    }

    /** Shortest decimal that reads back as {@code abs}; among those, the one closest to it. */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int p = 1; p <= MAX_DIGITS; p++) {
            BigDecimal lo = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean loOk = lo.doubleValue() == abs;
            boolean hiOk = hi.doubleValue() == abs;
            if (loOk && hiOk) {
                return closer(exact, lo, hi);
            }
            if (loOk) {
                return lo;
            }
            if (hiOk) {
                return hi;
            }
        }
        throw new IllegalStateException("no " + MAX_DIGITS + "-digit decimal reads back as " + abs);
    }

    private static BigDecimal closer(BigDecimal exact, BigDecimal lo, BigDecimal hi) {
        int cmp = exact.subtract(lo).compareTo(hi.subtract(exact));
        if (cmp != 0) {
            return cmp < 0 ? lo : hi;
        }
        return lo.unscaledValue().testBit(0) ? hi : lo;
    }

    /** ECMAScript Number::toString layout of digits (k of them, no trailing zero) times 10^(n-k). */
    private static String layout(String digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }
}
