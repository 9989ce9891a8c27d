package dev.vouch.assess;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Decimal arithmetic for scores. Every score is rounded to one decimal (half up) before it is used
 * at the next level, so the printed arithmetic reproduces each result exactly.
 */
final class Num {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Num() {
    }

    /** {@code 100 × numerator / denominator}, one decimal. */
    static BigDecimal percent(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    /** {@code sum / weight}, one decimal. */
    static BigDecimal divide(BigDecimal sum, BigDecimal weight) {
        return sum.divide(weight, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal of(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    static String f(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    static String f(double value) {
        return f(of(value));
    }

    /** One term of a weighted mean; {@code tested == false} counts as 0 with its weight. */
    record Term(BigDecimal weight, BigDecimal score, boolean tested) {
        String text() {
            return f(weight) + "×" + (tested ? f(score) : "NOT TESTED→0");
        }

        BigDecimal product() {
            return tested ? weight.multiply(score) : BigDecimal.ZERO;
        }
    }

    /** A weighted mean and its arithmetic: {@code (1.0×72.0 + 0.8×NOT TESTED→0) / (1.0+0.8) = 40.0}. */
    record Mean(BigDecimal value, BigDecimal weight, String text) {
    }

    /** The weighted mean of the terms; the weight sum must be positive. */
    static Mean mean(List<Term> terms) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.ZERO;
        StringBuilder top = new StringBuilder();
        StringBuilder bottom = new StringBuilder();
        for (Term t : terms) {
            sum = sum.add(t.product());
            weight = weight.add(t.weight());
            top.append(top.isEmpty() ? "" : " + ").append(t.text());
            bottom.append(bottom.isEmpty() ? "" : "+").append(f(t.weight()));
        }
        if (weight.signum() <= 0) {
            throw new IllegalStateException("weighted mean over no weight: " + terms);
        }
        BigDecimal value = divide(sum, weight);
        return new Mean(value, weight, "(" + top + ") / (" + bottom + ") = " + f(value));
    }
}
