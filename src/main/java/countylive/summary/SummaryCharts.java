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

    static BarChart counties(List<Rows.County> counties, Figures fig, String base, SummaryFilter filter) {
        return BarChart.horizontal(counties.stream().map(county -> new BarChart.Item(
                county.name(), county.gross(), fig.money(county.gross()), "/counties/" + county.code())).toList());
    }

    static BarChart products(List<Rows.Product> products, Figures fig) {
        return BarChart.horizontal(products.stream().map(product -> new BarChart.Item(
                product.name() + " · " + product.countyName(), product.gross(), fig.money(product.gross()),
                "/products/" + product.id())).toList());
    }

    private static String province(SummaryFilter filter) {
        return (filter.province() == null ? "" : "&province=" + filter.province())
                + (filter.acceptedOnly() ? "&accepted=1" : "");
    }
}
