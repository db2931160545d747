package countylive.sale;

import countylive.ledger.LineFigures;
import countylive.ledger.SaleLineRules;
import countylive.ledger.SaleLineRules.Typed;
import countylive.web.csrf.CsrfForm;
import countylive.web.form.Refusal;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sales grid exactly as typed: one row per product, the figures in parallel lists in the
 * order of the {@code product} ids, plus one "add" row for a product of another county that is
 * explicitly marked as sold on its behalf. Row problems are noted under "units.12" etc. (12 being
 * the product id, "add" for the extra row).
 */
@Serdeable
record SalesForm(@Nullable List<String> product, @Nullable List<String> units, @Nullable List<String> orders,
                 @Nullable List<String> gross, @Nullable List<String> refunds, @Nullable List<String> confirm,
                 @Nullable String addProduct, @Nullable String addUnits, @Nullable String addOrders,
                 @Nullable String addGross, @Nullable String addRefunds, @Nullable String addOnBehalf,
                 @Nullable String addConfirm, @Nullable String version, @Nullable String submission,
                 @Nullable String csrf) implements CsrfForm {

    static final String ADD = "add";

    /** A warning for a row: its implied unit price is far from the product's reference price. */
    record Warning(String key, List<Object> arguments) {
    }

    /** A row left empty. */
    static final Typed BLANK = new Typed("", "", "", "");

    /**
     * What the grid amounts to: per product the figures to store, or null for a blank row (no line),
     * and the products whose warning the user confirmed, or that the user confirmed were sold on
     * another county's behalf.
     */
    record Result(Map<Long, LineFigures> lines, Set<Long> warningsConfirmed, Set<Long> onBehalfConfirmed) {
    }

    /** The rows as typed, by product id; null when the lists do not line up (a tampered form). */
    @Nullable Map<Long, Typed> typedRows() {
        List<String> ids = list(product);
        Map<Long, Typed> rows = new LinkedHashMap<>();
        if (list(units).size() != ids.size() || list(orders).size() != ids.size()
                || list(gross).size() != ids.size() || list(refunds).size() != ids.size()) {
            return null;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).matches("\\d{1,18}")) {
                rows.put(Long.valueOf(ids.get(i)), new Typed(text(units.get(i)), text(orders.get(i)), text(gross.get(i)), text(refunds.get(i))));
            }
        }
        return rows;
    }

    Typed typedAdd() {
        return new Typed(text(addUnits), text(addOrders), text(addGross), text(addRefunds));
    }

    boolean confirmed(String rowKey) {
        return ADD.equals(rowKey) ? "true".equals(addConfirm) : list(confirm).contains(rowKey);
    }

    /**
     * Checks every row at once.
     *
     * @param grid   the products of the grid (the session's county and those it already sold on behalf of)
     * @param others the products of other counties that may be added
     * @return the lines to store, or null when some row has problems (in errors) or an unconfirmed warning
     */
    @Nullable Result validate(FormErrors errors, Map<String, Warning> warnings,
                              Map<Long, SaleLineRepository.ProductRow> grid,
                              Map<Long, SaleLineRepository.ProductRow> others) {
        if (versionNumber() == null) {
            errors.add("_form", "form.staleVersion");
        }
        Map<Long, Typed> typed = typedRows();
        if (typed == null) {
            errors.add("_form", "form.fixErrors");
            return null;
        }
        Map<Long, LineFigures> lines = new LinkedHashMap<>();
        Set<Long> warningsConfirmed = new HashSet<>();
        Set<Long> onBehalfConfirmed = new HashSet<>();
        for (var product : grid.values()) {
            String key = String.valueOf(product.id());
            lines.put(product.id(), row(errors, warnings, key, typed.getOrDefault(product.id(), BLANK), product));
            if (confirmed(key)) {
                warningsConfirmed.add(product.id());
            }
        }
        Typed add = typedAdd();
        String chosen = text(addProduct);
        if (!chosen.isEmpty() || !add.blank()) {
            SaleLineRepository.ProductRow product = chosen.matches("\\d{1,18}") ? others.get(Long.valueOf(chosen)) : null;
            if (chosen.isEmpty()) {
                errors.add("product.add", "input.required");
            } else if (chosen.matches("\\d{1,18}") && grid.containsKey(Long.valueOf(chosen))) {
                errors.add("product.add", "sale.alreadyInGrid");
            } else if (product == null) {
                errors.add("product.add", "input.choice");
            }
            if (!"true".equals(addOnBehalf)) {
                errors.add("onBehalf.add", "sale.onBehalfRequired");
            }
            LineFigures figures = add.blank() ? null : row(errors, warnings, ADD, add, product);
            if (add.blank()) {
                errors.add("units.add", "input.required");
            }
            if (product != null) {
                lines.put(product.id(), figures);
                if (confirmed(ADD)) {
                    warningsConfirmed.add(product.id());
                }
                if ("true".equals(addOnBehalf)) {
                    onBehalfConfirmed.add(product.id());
                }
            }
        }
        return errors.isEmpty() && warnings.isEmpty() ? new Result(lines, warningsConfirmed, onBehalfConfirmed) : null;
    }

    /** One row through the sale-line rules, its problems noted under "units.12" and the like. */
    private @Nullable LineFigures row(FormErrors errors, Map<String, Warning> warnings, String key, Typed typed,
                                      @Nullable SaleLineRepository.ProductRow product) {
        if (typed.blank()) {
            return null;
        }
        LineFigures figures = SaleLineRules.read(typed,
                (field, messageKey, arguments) -> errors.add(field + "." + key, messageKey, arguments));
        if (figures == null) {
            return null;
        }
        Refusal.Problem warning = product == null ? null : SaleLineRules.warning(figures, product.referencePrice());
        if (warning != null && !confirmed(key)) {
            warnings.put(key, new Warning(warning.key(), warning.arguments()));
        }
        return figures;
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** The hidden fields and the add row, for re-rendering. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", text(version));
        values.put("submission", text(submission));
        values.put("addProduct", text(addProduct));
        values.put("addUnits", text(addUnits));
        values.put("addOrders", text(addOrders));
        values.put("addGross", text(addGross));
        values.put("addRefunds", text(addRefunds));
        values.put("addOnBehalf", "true".equals(addOnBehalf) ? "true" : "");
        values.put("addConfirm", "true".equals(addConfirm) ? "true" : "");
        return values;
    }
}
