package countylive.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The benchmark's arithmetic: medians, the nearest-rank p95, the lines a child process hands back, the skew. */
class TimingsTest {

    @Test
    void medianAndNearestRankPercentileOfTwentyRuns() {
        List<Double> runs = new ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            runs.add((double) i);
        }
        Timings timings = new Timings(runs);
        assertEquals(10.5, timings.median());
        assertEquals(19.0, timings.p95(), "the 19th of 20, not the slowest");
        assertEquals(1.0, timings.min());
        assertEquals(20.0, timings.max());
        assertEquals(3.0, new Timings(List.of(5.0, 1.0, 3.0)).median());
    }

    @Test
    void figuresCrossAProcessAsOneLine() {
        Timings.Figures figures = new Timings(List.of(1.0, 2.0, 30.0)).figures();
        var parsed = Timings.Figures.parse(figures.line("export complete"));
        assertEquals("export complete", parsed.getKey());
        assertEquals(figures, parsed.getValue());
        assertNull(Timings.Figures.parse("  export 1: first byte 3 ms"));
    }

    @Test
    void zipfWeightsAddUpAndTheFirstDominate() {
        double[] weights = BenchData.zipf(2_000, 1.1);
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        assertEquals(1.0, sum, 1e-9);
        double topTen = 0;
        for (int i = 0; i < 10; i++) {
            topTen += weights[i];
        }
        // a few hosts hold a large share of the sessions: the top ten of 2,000 about half
        assertEquals(0.5, topTen, 0.1);
        assertEquals(0, BenchData.sample(weights, 0.0));
        assertEquals(1_999, BenchData.sample(weights, 0.999_999_999_9));
    }
}
