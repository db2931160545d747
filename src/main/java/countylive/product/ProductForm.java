package countylive.product;

import countylive.region.Counties;
import countylive.region.CountyInfo;
import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The product form exactly as typed; the county of origin may be typed as code or unique name. */
@Serdeable
record ProductForm(@Nullable String name, @Nullable String category, @Nullable String unit,
                   @Nullable String referencePrice, @Nullable String county, @Nullable String producer,
                   @Nullable String version, @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    static ProductForm blank(String submission) {
        return new ProductForm("", "", "", "", "", "", "", submission, null);
    }

    static ProductForm of(Product product) {
        return new ProductForm(product.name(), product.category(), product.unit(),
                product.referencePrice() == null ? "" : product.referencePrice().toPlainString(),
                product.countyCode(), product.producer() == null ? "" : product.producer(),
                String.valueOf(product.version()), null, null);
    }

    /** A product with the form's values, or null when the form has problems (noted in errors). */
    @Nullable Product validate(FormErrors errors, @Nullable Long id, Counties counties) {
        String validName = errors.required("name", name, 100);
        String validCategory = errors.required("category", category, 50);
        String validUnit = errors.required("unit", unit, 20);
        BigDecimal validPrice = errors.money("referencePrice", referencePrice, false);
        CountyInfo validCounty = counties.pickOne(errors, "county", county, true);
        String validProducer = errors.optional("producer", producer, 100);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Product(id, validName, validCategory, validUnit, validPrice, validCounty.code(), validProducer,
                versionNumber(), null, null);
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("category", category == null ? "" : category);
        values.put("unit", unit == null ? "" : unit);
        values.put("referencePrice", referencePrice == null ? "" : referencePrice);
        values.put("county", county == null ? "" : county);
        values.put("producer", producer == null ? "" : producer);
        values.put("version", version == null ? "" : version);
        values.put("submission", submission == null ? "" : submission);
        return values;
    }
}
