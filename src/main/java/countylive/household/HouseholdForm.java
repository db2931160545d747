package countylive.household;

import countylive.ledger.HouseholdDraft;
import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import countylive.web.form.Input;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The household form exactly as typed. */
@Serdeable
record HouseholdForm(@Nullable String registrationNo, @Nullable String county, @Nullable String village,
                     @Nullable String headName, @Nullable String members,
                     @Nullable String version, @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    static HouseholdForm blank(String submission, @Nullable String county) {
        return new HouseholdForm("", county == null ? "" : county, "", "", "", "", submission, null);
    }

    static HouseholdForm of(Household household) {
        return new HouseholdForm(household.registrationNo(), household.countyCode(), household.village(),
                household.headName(), String.valueOf(household.members()), String.valueOf(household.version()), null, null);
    }

    /** A household with the form's values, or null when the form has problems (noted in errors). */
    @Nullable HouseholdDraft validate(FormErrors errors, Set<String> counties) {
        // typed on a Chinese keyboard the number often comes full width (１２３ＡＢ－１): normalised as the grid's figures are
        String number = errors.required("registrationNo", Input.text(registrationNo), 30);
        if (number != null && !number.matches("[0-9A-Za-z-]+")) {
            errors.add("registrationNo", "household.registrationFormat");
        }
        String validCounty = errors.required("county", county, 6);
        if (validCounty != null && !counties.contains(validCounty)) {
            errors.add("county", "input.choice");
        }
        String validVillage = errors.required("village", village, 100);
        String validHead = errors.required("headName", headName, 50);
        Long count = errors.count("members", members, true);
        if (count != null && (count < 1 || count > 50)) {
            errors.add("members", "household.membersRange");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new HouseholdDraft(number, validCounty, validVillage, validHead, count.intValue());
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("registrationNo", registrationNo == null ? "" : registrationNo);
        values.put("county", county == null ? "" : county);
        values.put("village", village == null ? "" : village);
        values.put("headName", headName == null ? "" : headName);
        values.put("members", members == null ? "" : members);
        values.put("version", version == null ? "" : version);
        values.put("submission", submission == null ? "" : submission);
        return values;
    }
}
