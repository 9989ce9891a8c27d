package dev.vouch.server;

import dev.vouch.report.assessment.TrendPoint;
import java.util.List;
import java.util.Locale;

/** Small inline SVG charts for the pages (no script, no inline style: the Content-Security-Policy allows them). */
public final class Charts {
    public static final int W = 600;
    public static final int H = 160;
    private static final int PAD = 24;

    private Charts() {
    }

    /** The trend line: SVG points for a polyline over 0–100, oldest left. */
    public record Trend(String points, int count, List<Dot> dots, double y90, double y60) {
    }

    public record Dot(double x, double y, String label) {
    }

    public static Trend trend(List<TrendPoint> points) {
        StringBuilder sb = new StringBuilder();
        java.util.ArrayList<Dot> dots = new java.util.ArrayList<>();
        int n = points.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? W / 2.0 : PAD + i * (W - 2.0 * PAD) / (n - 1);
            double y = H - PAD - points.get(i).overall() / 100.0 * (H - 2.0 * PAD);
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.add(new Dot(Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0, String.format(Locale.ROOT, "scan #%d %s: %.1f",
                    points.get(i).scanId(), points.get(i).at().toString().substring(0, 10), points.get(i).overall())));
        }
        return new Trend(sb.toString().strip(), n, dots, y(90), y(60));
    }

    /** The y coordinate of a score on the trend chart (for the band lines). */
    public static double y(double score) {
        return H - PAD - score / 100.0 * (H - 2.0 * PAD);
    }
}
