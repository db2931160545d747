package countylive.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A choropleth of China by province, drawn on the server as SVG like the other charts: each
 * province shaded by its value in five steps, linking to its records, with a table equivalent.
 * The outlines are a derived copy of ECharts' map of China (src/main/resources/map, NOTICE.txt):
 * a standard map with Taiwan as a province and the South China Sea islands inset.
 */
@Singleton
public class ChinaMap {

    /**
     * Shades from the least to the most, for values above zero; a province without any is grey.
     * The legend's swatches repeat them in app.css (.shade-0 to .shade-4): no inline styles under the CSP.
     */
    static final String[] SHADES = {"#d9f0d3", "#a6dba0", "#5aae61", "#1b7837", "#00441b"};
    static final String NONE = "#e8ebee";

    @Serdeable
    record Shape(String code, String name, String path, double x, double y) {
    }

    @Serdeable
    record Shapes(int width, int height, String nanhai, List<Shape> provinces) {
    }

    /** A province's value as the caller computed it, formatted, and where it leads. */
    public record Item(String code, BigDecimal value, String shown, String href) {
    }

    public record Region(String code, String name, String path, String fill, @Nullable String shown,
                         @Nullable String href, double labelX, double labelY) {
    }

    /** One shade of the legend: the values from … up to … it stands for. */
    public record Step(String fill, String from, String to) {
    }

    public record Drawing(int width, int height, String nanhai, List<Region> regions, List<Step> legend) {
    }

    private final Shapes shapes;

    ChinaMap(JsonMapper json) {
        try (InputStream in = ChinaMap.class.getResourceAsStream("/map/china-provinces.json")) {
            if (in == null) {
                throw new IllegalStateException("map/china-provinces.json is missing from the classpath");
            }
            this.shapes = json.readValue(in.readAllBytes(), Argument.of(Shapes.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The map of the given provinces' values; provinces without a value are grey and lead nowhere.
     *
     * @param names the provinces' names as the database has them (the map's own are short forms)
     * @param format how a step of the legend writes a value
     */
    public Drawing draw(List<Item> items, Map<String, String> names, java.util.function.Function<BigDecimal, String> format) {
        Map<String, Item> byCode = new java.util.HashMap<>();
        items.forEach(item -> byCode.put(item.code(), item));
        BigDecimal max = items.stream().map(Item::value).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Region> regions = new ArrayList<>();
        for (Shape shape : shapes.provinces()) {
            Item item = byCode.get(shape.code());
            String name = names.getOrDefault(shape.code(), shape.name());
            regions.add(new Region(shape.code(), name, shape.path(), item == null ? NONE : shade(item.value(), max),
                    item == null ? null : item.shown(), item == null ? null : item.href(), shape.x(), shape.y()));
        }
        List<Step> legend = new ArrayList<>();
        if (max.signum() > 0) {
            for (int i = 0; i < SHADES.length; i++) {
                legend.add(new Step(SHADES[i], format.apply(bound(max, i)), format.apply(bound(max, i + 1))));
            }
        }
        return new Drawing(shapes.width(), shapes.height(), shapes.nanhai(), regions, legend);
    }

    /** Five equal steps up to the largest value: step i holds values above i/5 and up to (i+1)/5 of it. */
    static String shade(BigDecimal value, BigDecimal max) {
        if (value.signum() <= 0 || max.signum() <= 0) {
            return NONE;
        }
        int step = value.multiply(BigDecimal.valueOf(SHADES.length)).divide(max, 0, RoundingMode.CEILING).intValue();
        return SHADES[Math.min(SHADES.length, Math.max(1, step)) - 1];
    }

    private static BigDecimal bound(BigDecimal max, int step) {
        return max.multiply(BigDecimal.valueOf(step)).divide(BigDecimal.valueOf(SHADES.length), 2, RoundingMode.HALF_UP);
    }
}
