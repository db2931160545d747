package countylive.summary;

import countylive.web.Figures;

import java.util.List;

/** The three charts of a summary, from the rows already aggregated for the tables. */
final class SummaryCharts {

    private SummaryCharts() {
    }

    static BarChart days(List<Rows.Day> days, Figures fig, String base, SummaryFilter filter) {
        return BarChart.columns(days.stream().map(day -> new BarChart.Item(
                day.day().toString().substring(5), day.gross(), day.day() + " " + fig.money(day.gross()),
                base + "?from=" + day.day() + "&to=" + day.day() + province(filter))).toList());
    }

    /** @param mine a coordinator's counties (empty for everyone else): only theirs lead to their lines */
    static BarChart counties(List<Rows.County> counties, Figures fig, SummaryFilter filter, java.util.Set<String> mine) {
        return BarChart.horizontal(counties.stream().map(county -> new BarChart.Item(
                county.name(), county.gross(), fig.money(county.gross()),
                mine.isEmpty() || mine.contains(county.code())
                        ? "/lines?" + filter.linesQuery() + "&county=" + county.code() : null)).toList());
    }

    static BarChart products(List<Rows.Product> products, Figures fig, SummaryFilter filter) {
        return BarChart.horizontal(products.stream().map(product -> new BarChart.Item(
                product.name() + " · " + product.countyName(), product.gross(), fig.money(product.gross()),
                "/lines?" + filter.linesQuery() + "&product=" + product.id())).toList());
    }

    /**
     * The campaign's provinces shaded by their counties' sales or people assisted; each links to
     * the summary narrowed to it.
     */
    static ChinaMap.Drawing provinces(ChinaMap map, List<Rows.County> counties, String measure, Figures fig,
                                      String base, SummaryFilter filter) {
        java.util.Map<String, java.math.BigDecimal> values = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Rows.County county : counties) {
            java.math.BigDecimal value = "people".equals(measure)
                    ? java.math.BigDecimal.valueOf(county.people() == null ? 0 : county.people()) : county.gross();
            values.merge(county.provinceCode(), value, java.math.BigDecimal::add);
            names.put(county.provinceCode(), county.provinceName());
        }
        List<ChinaMap.Item> items = values.entrySet().stream().map(e -> new ChinaMap.Item(e.getKey(), e.getValue(),
                shown(e.getValue(), measure, fig), base + "?province=" + e.getKey() + dates(filter)
                        + (filter.acceptedOnly() ? "&accepted=1" : "") + ("people".equals(measure) ? "&map=people" : "")))
                .toList();
        return map.draw(items, names, value -> legend(value, measure, fig));
    }

    /** A legend's bound: whole yuan (or people) are enough to tell the shades apart. */
    static String legend(java.math.BigDecimal value, String measure, Figures fig) {
        long whole = value.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
        return "people".equals(measure) ? fig.count(whole) : "¥" + fig.count(whole);
    }

    static String shown(java.math.BigDecimal value, String measure, Figures fig) {
        return "people".equals(measure) ? fig.count(value.longValue()) : fig.money(value);
    }

    private static String dates(SummaryFilter filter) {
        return filter.narrowsDates() ? "&from=" + filter.from() + "&to=" + filter.to() : "";
    }

    private static String province(SummaryFilter filter) {
        return (filter.province() == null ? "" : "&province=" + filter.province())
                + (filter.acceptedOnly() ? "&accepted=1" : "");
    }
}
