package countylive.campaign;

import countylive.region.Counties;
import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The campaign form exactly as typed. Counties come in three parts, so the form works without
 * JavaScript for thousands of counties: the codes already chosen ({@code county}, hidden), those
 * ticked for removal ({@code removeCounty}) and new ones typed as codes or names ({@code addCounties}).
 */
@Serdeable
record CampaignForm(@Nullable String name, @Nullable String theme, @Nullable String startsOn,
                    @Nullable String endsOn, @Nullable String status, @Nullable String description,
                    @Nullable String targetGross, @Nullable String targetPeople,
                    @Nullable List<String> partner, @Nullable List<String> county,
                    @Nullable List<String> removeCounty, @Nullable String addCounties,
                    @Nullable String closeReason, @Nullable String version, @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    /** A valid form: the campaign and the partners and counties it should have. */
    record Draft(Campaign campaign, List<Long> partnerIds, List<String> countyCodes) {
    }

    static CampaignForm blank(String submission) {
        return new CampaignForm("", "", "", "", CampaignStatus.PLANNED.name(), "", "", "",
                List.of(), List.of(), List.of(), "", "", "", submission, null);
    }

    static CampaignForm of(Campaign campaign, List<Long> partnerIds, List<String> countyCodes) {
        return new CampaignForm(campaign.name(), text(campaign.theme()), campaign.startsOn().toString(),
                campaign.endsOn().toString(), campaign.status().name(), text(campaign.description()),
                campaign.targetGross() == null ? "" : campaign.targetGross().toPlainString(),
                campaign.targetPeople() == null ? "" : String.valueOf(campaign.targetPeople()),
                partnerIds.stream().map(String::valueOf).toList(), countyCodes, List.of(), "", "",
                String.valueOf(campaign.version()), null, null);
    }

    /** A draft with the form's values, or null when the form has problems (noted in errors). */
    @Nullable Draft validate(FormErrors errors, @Nullable Long id, Collection<Long> knownPartners, Counties counties) {
        String validName = errors.required("name", name, 100);
        String validTheme = errors.optional("theme", theme, 100);
        LocalDate validStart = errors.date("startsOn", startsOn, true);
        LocalDate validEnd = errors.date("endsOn", endsOn, true);
        if (validStart != null && validEnd != null && validEnd.isBefore(validStart)) {
            errors.add("endsOn", "campaign.endsBeforeStart");
        }
        CampaignStatus validStatus = errors.choice("status", status, CampaignStatus.class, true);
        String validDescription = errors.optional("description", description, 5000);
        BigDecimal validGross = errors.money("targetGross", targetGross, false);
        Long people = errors.count("targetPeople", targetPeople, false);
        if (people != null && people > Integer.MAX_VALUE) {
            errors.add("targetPeople", "input.tooLarge");
        }
        List<Long> partnerIds = new ArrayList<>();
        for (String raw : list(partner)) {
            Long partnerId = raw.matches("\\d{1,18}") ? Long.valueOf(raw) : null;
            if (partnerId == null || !knownPartners.contains(partnerId)) {
                errors.add("partner", "input.choice");
            } else if (!partnerIds.contains(partnerId)) {
                partnerIds.add(partnerId);
            }
        }
        List<String> countyCodes = chosenCounties(errors, counties);
        if (!errors.isEmpty()) {
            return null;
        }
        Campaign campaign = new Campaign(id, validName, validTheme, validStart, validEnd, validStatus,
                validDescription, validGross, people == null ? null : people.intValue(), versionNumber(), null, null);
        return new Draft(campaign, partnerIds, countyCodes);
    }

    /** The counties kept plus the ones typed in, or problems with either. */
    private List<String> chosenCounties(FormErrors errors, Counties counties) {
        List<String> kept = list(county);
        if (kept.size() > 5000 || counties.findAll(kept).size() != new LinkedHashSet<>(kept).size()) {
            errors.add("counties", "input.choice");
            return List.of();
        }
        Set<String> removed = Set.copyOf(list(removeCounty));
        Set<String> chosen = new LinkedHashSet<>();
        kept.stream().filter(code -> !removed.contains(code)).forEach(chosen::add);
        if (addCounties != null && addCounties.length() > 5000) {
            errors.add("addCounties", "input.tooLong", 5000);
            return List.of();
        }
        Counties.Resolution added = counties.resolve(addCounties);
        if (!added.unknown().isEmpty()) {
            errors.add("addCounties", "county.unknown", String.join(", ", added.unknown()));
        }
        if (!added.ambiguous().isEmpty()) {
            errors.add("addCountiesAmbiguous", "county.ambiguous", added.ambiguousText());
        }
        added.found().forEach(found -> chosen.add(found.code()));
        return List.copyOf(chosen);
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    /** The typed values; the lists stay lists for the checkboxes and hidden fields. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", text(name));
        values.put("theme", text(theme));
        values.put("startsOn", text(startsOn));
        values.put("endsOn", text(endsOn));
        values.put("status", text(status));
        values.put("description", text(description));
        values.put("targetGross", text(targetGross));
        values.put("targetPeople", text(targetPeople));
        values.put("partner", list(partner));
        values.put("county", list(county));
        values.put("removeCounty", list(removeCounty));
        values.put("addCounties", text(addCounties));
        values.put("closeReason", text(closeReason));
        values.put("version", text(version));
        values.put("submission", text(submission));
        return values;
    }

    List<String> keptCounties() {
        return list(county);
    }

    private static List<String> list(@Nullable List<String> raw) {
        return raw == null ? List.of() : raw.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static String text(@Nullable String raw) {
        return raw == null ? "" : raw;
    }
}
