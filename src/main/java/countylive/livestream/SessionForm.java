package countylive.livestream;

import countylive.host.Platform;
import countylive.ledger.SessionDraft;

import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session form exactly as typed. A session that runs past midnight is entered with its end
 * time and the "ends next day" box ticked; without the box the end must be after the start.
 */
@Serdeable
record SessionForm(@Nullable String county, @Nullable String platform, @Nullable String date,
                   @Nullable String start, @Nullable String end, @Nullable String nextDay,
                   @Nullable List<String> hosts, @Nullable List<String> officials,
                   @Nullable String views, @Nullable String uniqueViewers, @Nullable String peakViewers,
                   @Nullable String newFollowers,
                   @Nullable String newHostName, @Nullable String newHostPlatform, @Nullable String newHostHandle,
                   @Nullable String version, @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    /** What the form is checked against. */
    record Context(EntryLookups.CampaignRow campaign, Set<String> counties, Set<Long> hostIds,
                   Map<Long, String> officialCounties) {
    }

    static SessionForm blank(String submission, @Nullable String county, LocalDate day) {
        return new SessionForm(county == null ? "" : county, Platform.DOUYIN.name(), day.toString(), "", "", null,
                List.of(), List.of(), "", "", "", "", "", Platform.DOUYIN.name(), "", "", submission, null);
    }

    static SessionForm of(LiveSession session, List<Long> hostIds, List<Long> officialIds) {
        return new SessionForm(session.countyCode(), session.platform().name(), session.liveDate().toString(),
                session.startsAt().toLocalTime().toString(), session.endsAt().toLocalTime().toString(),
                session.endsNextDay() ? "true" : null,
                hostIds.stream().map(String::valueOf).toList(), officialIds.stream().map(String::valueOf).toList(),
                text(session.views()), text(session.uniqueViewers()), text(session.peakViewers()),
                text(session.newFollowers()), "", Platform.DOUYIN.name(), "",
                String.valueOf(session.version()), null, null);
    }

    /** A session with the form's values, or null when the form has problems (noted in errors). */
    @Nullable SessionDraft validate(FormErrors errors, Context context) {
        String validCounty = errors.required("county", county, 6);
        if (validCounty != null && !context.counties().contains(validCounty)) {
            errors.add("county", "input.choice");
            validCounty = null;
        }
        Platform validPlatform = errors.choice("platform", platform, Platform.class, true);
        LocalDate day = errors.date("date", date, true);
        EntryLookups.CampaignRow campaign = context.campaign();
        if (day != null && (day.isBefore(campaign.startsOn()) || day.isAfter(campaign.endsOn()))) {
            errors.add("date", "session.outsidePeriod", campaign.startsOn().toString(), campaign.endsOn().toString());
        }
        LocalTime startTime = errors.time("start", start, true);
        LocalTime endTime = errors.time("end", end, true);
        boolean overnight = isTicked(nextDay);
        if (startTime != null && endTime != null) {
            if (!overnight && !endTime.isAfter(startTime)) {
                errors.add("end", "session.endBeforeStart");
            } else if (overnight && !endTime.isBefore(startTime)) {
                errors.add("end", "session.tooLong");
            }
        }
        Set<Long> hostIds = ids(errors, "hosts", hosts, context.hostIds());
        Set<Long> officialIds = ids(errors, "officials", officials, context.officialCounties().keySet());
        if (validCounty != null && officialIds != null) {
            String chosen = validCounty;
            if (officialIds.stream().anyMatch(o -> !chosen.equals(context.officialCounties().get(o)))) {
                errors.add("officials", "session.officialOfOtherCounty");
            }
        }
        Long validViews = errors.count("views", views, false);
        Long validUnique = errors.count("uniqueViewers", uniqueViewers, false);
        Long validPeak = errors.count("peakViewers", peakViewers, false);
        Long validFollowers = errors.count("newFollowers", newFollowers, false);
        SessionDraft.NewHost newHost = newHost(errors);
        if (!errors.isEmpty()) {
            return null;
        }
        LocalDateTime startsAt = day.atTime(startTime);
        LocalDateTime endsAt = (overnight ? day.plusDays(1) : day).atTime(endTime);
        return new SessionDraft(campaign.id(), validCounty, validPlatform, startsAt, endsAt, validViews, validUnique,
                validPeak, validFollowers, hostIds, officialIds, newHost);
    }

    private @Nullable SessionDraft.NewHost newHost(FormErrors errors) {
        boolean typed = isPresent(newHostName) || isPresent(newHostHandle);
        if (!typed) {
            return null;
        }
        String name = errors.required("newHostName", newHostName, 50);
        Platform hostPlatform = errors.choice("newHostPlatform", newHostPlatform, Platform.class, true);
        String handle = errors.required("newHostHandle", newHostHandle, 100);
        return name == null || hostPlatform == null || handle == null ? null
                : new SessionDraft.NewHost(name, hostPlatform, handle);
    }

    private static @Nullable Set<Long> ids(FormErrors errors, String field, @Nullable List<String> raw, Set<Long> known) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            Long id = value.strip().matches("\\d{1,18}") ? Long.valueOf(value.strip()) : null;
            if (id == null || !known.contains(id)) {
                errors.add(field, "input.choice");
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    private static boolean isTicked(@Nullable String value) {
        return value != null && (value.equals("true") || value.equals("on") || value.equals("yes"));
    }

    private static boolean isPresent(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("county", text(county));
        values.put("platform", text(platform));
        values.put("date", text(date));
        values.put("start", text(start));
        values.put("end", text(end));
        values.put("nextDay", isTicked(nextDay) ? "true" : "");
        values.put("hosts", hosts == null ? List.of() : new ArrayList<>(hosts));
        values.put("officials", officials == null ? List.of() : new ArrayList<>(officials));
        values.put("views", text(views));
        values.put("uniqueViewers", text(uniqueViewers));
        values.put("peakViewers", text(peakViewers));
        values.put("newFollowers", text(newFollowers));
        values.put("newHostName", text(newHostName));
        values.put("newHostPlatform", text(newHostPlatform));
        values.put("newHostHandle", text(newHostHandle));
        values.put("version", text(version));
        values.put("submission", text(submission));
        return values;
    }

}
