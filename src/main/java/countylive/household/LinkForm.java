package countylive.household;

import countylive.ledger.LinkDraft;
import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A beneficiary link as typed: the campaign, optionally the product, and the income gained. */
@Serdeable
record LinkForm(@Nullable String campaign, @Nullable String product, @Nullable String income,
                @Nullable String version, @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    static LinkForm blank(String submission) {
        return new LinkForm("", "", "", "", submission, null);
    }

    static LinkForm of(BeneficiaryLink link) {
        return new LinkForm(String.valueOf(link.campaignId()), link.productId() == null ? "" : String.valueOf(link.productId()),
                link.income().toPlainString(), String.valueOf(link.version()), null, null);
    }

    /**
     * @param campaigns the campaigns the household's county takes part in
     * @param products  the products of the household's county
     */
    @Nullable LinkDraft validate(FormErrors errors, Set<Long> campaigns, Set<Long> products) {
        Long campaignId = id(errors, "campaign", campaign, campaigns, true);
        Long productId = id(errors, "product", product, products, false);
        BigDecimal validIncome = errors.money("income", income, true);
        if (!errors.isEmpty()) {
            return null;
        }
        return new LinkDraft(campaignId, productId, validIncome);
    }

    private static @Nullable Long id(FormErrors errors, String field, @Nullable String raw, Set<Long> known, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(field, "input.required");
            }
            return null;
        }
        Long id = raw.strip().matches("\\d{1,18}") ? Long.valueOf(raw.strip()) : null;
        if (id == null || !known.contains(id)) {
            errors.add(field, "input.choice");
            return null;
        }
        return id;
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("campaign", campaign == null ? "" : campaign);
        values.put("product", product == null ? "" : product);
        values.put("income", income == null ? "" : income);
        values.put("version", version == null ? "" : version);
        values.put("submission", submission == null ? "" : submission);
        return values;
    }
}
