package countylive.bench;

import java.util.Locale;

/**
 * Makes a benchmark data set in {@code <bench data>/<size>} (see {@link BenchApp}), unless it
 * holds one already: {@code Generate 0.1m|1m|10m}. Prints the time it took.
 */
public final class Generate {

    public static void main(String[] args) {
        BenchApp.exitAfter(() -> {
            String size = args.length > 0 ? args[0] : "1m";
            BenchData.linesOf(size);
            try (BenchApp app = BenchApp.start(size, false)) {
                ensure(app, size);
            }
        });
    }

    /** The main campaign's id, the data set generated first when it is not there. */
    static long ensure(BenchApp app, String size) throws Exception {
        var existing = app.longs("SELECT id FROM campaign WHERE name = ?", BenchData.MAIN);
        if (!existing.isEmpty()) {
            if (!complete(app, size)) {
                throw new IllegalStateException("the " + size + " data set in " + BenchApp.dataRoot().resolve(size)
                        + " is incomplete (its generation was stopped, or still runs): delete the folder and start again");
            }
            return existing.get(0);
        }
        long started = System.nanoTime();
        System.out.println("generating the " + size + " data set in " + BenchApp.dataRoot().resolve(size));
        long main = new BenchData(app.db, app.context.getBean(countylive.ledger.Ledger.class)).generate(size);
        System.out.printf(Locale.ROOT, "generated %,d sale lines in %.1f s%n",
                app.one("SELECT COUNT(*) FROM sale_line"), (System.nanoTime() - started) / 1e9);
        return main;
    }

    /** A generation that was stopped leaves the main campaign behind: the last thing made tells. */
    static boolean complete(BenchApp app, String size) throws Exception {
        if (size.equals("10m")) {
            // the 49 other campaigns are closed one by one, as each is loaded
            return !app.longs("SELECT id FROM campaign WHERE name = '基准：活动50' AND status = 'CLOSED'").isEmpty();
        }
        return app.one("SELECT COUNT(*) FROM sale_line") >= BenchData.linesOf(size)
                && app.one("SELECT COUNT(*) FROM beneficiary_link") > 0;
    }
}
