package countylive.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The timed runs of one benchmark row, in milliseconds: median, 95th percentile, min and max. */
public record Timings(List<Double> millis) {

    public Timings {
        millis = List.copyOf(millis);
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
    }

    /** Runs an action {@code warmup} times untimed, then {@code runs} times timed. */
    public static Timings of(int warmup, int runs, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            action.run();
            times.add((System.nanoTime() - started) / 1e6);
        }
        return new Timings(times);
    }

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted;
    }

    public double median() {
        List<Double> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The nearest-rank 95th percentile: of 20 runs, the 19th fastest. */
    public double p95() {
        List<Double> s = sorted();
        return s.get(Math.max(0, (int) Math.ceil(s.size() * 0.95) - 1));
    }

    public double min() {
        return sorted().get(0);
    }

    public double max() {
        List<Double> s = sorted();
        return s.get(s.size() - 1);
    }

    public int runs() {
        return millis.size();
    }

    public Figures figures() {
        return new Figures(median(), p95(), min(), max(), runs());
    }

    /** What a table row shows of a set of runs; {@link #line} and {@link #parse} carry it from a child process. */
    public record Figures(double median, double p95, double min, double max, int runs) {

        public String line(String name) {
            return String.format(Locale.ROOT, "BENCH|%s|%.2f|%.2f|%.2f|%.2f|%d", name, median, p95, min, max, runs);
        }

        /** @return the name and figures of a line written by {@link #line}, or null for any other line */
        public static java.util.Map.Entry<String, Figures> parse(String line) {
            String[] parts = line.split("\\|");
            if (parts.length != 7 || !parts[0].equals("BENCH")) {
                return null;
            }
            return java.util.Map.entry(parts[1], new Figures(Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
                    Double.parseDouble(parts[4]), Double.parseDouble(parts[5]), Integer.parseInt(parts[6])));
        }
    }
}
