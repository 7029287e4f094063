package org.innofund.bench;

import java.util.Arrays;
import java.util.Locale;

/** Order statistics of a sample of latencies in milliseconds (nearest-rank percentiles). */
record Stats(int n, double min, double p50, double p95, double p99, double max, double mean) {

    static Stats of(double[] values) {
        if (values.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return new Stats(v.length, v[0], rank(v, 50), rank(v, 95), rank(v, 99), v[v.length - 1],
                Arrays.stream(v).average().orElse(Double.NaN));
    }

    private static double rank(double[] sorted, double p) {
        int k = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
    }

    String row(String name) {
        return String.format(Locale.ROOT, "| %-8s | %5d | %8.0f | %8.0f | %8.0f | %8.0f | %8.0f |", name, n, p50, p95, p99, max, mean);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"n\":%d,\"min\":%.1f,\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f,\"max\":%.1f,\"mean\":%.1f}",
                n, min, p50, p95, p99, max, mean);
    }
}
