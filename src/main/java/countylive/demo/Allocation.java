package countylive.demo;

import java.util.Arrays;

/**
 * Splits an exact total into parts proportional to weights (largest remainder), so that the
 * parts add up to the total to the last unit or fen, each at least a minimum.
 */
final class Allocation {

    private Allocation() {
    }

    static long[] split(long total, double[] weights, long minimum) {
        int n = weights.length;
        long[] parts = new long[n];
        Arrays.fill(parts, minimum);
        long rest = total - minimum * n;
        if (rest < 0) {
            throw new IllegalArgumentException("total " + total + " below " + n + " x " + minimum);
        }
        double sum = Arrays.stream(weights).sum();
        double[] remainders = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double exact = rest * weights[i] / sum;
            long whole = (long) Math.floor(exact);
            parts[i] += whole;
            given += whole;
            remainders[i] = exact - whole;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainders[b] != remainders[a] ? Double.compare(remainders[b], remainders[a]) : a - b);
        for (int k = 0; given < rest; k = (k + 1) % n) {
            parts[order[k]]++;
            given++;
        }
        return parts;
    }
}
