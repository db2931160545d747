package countylive.platform;

import countylive.excel.ImportScope;
import countylive.host.Platform;
import countylive.ledger.LineFigures;
import countylive.ledger.PlatformImport;
import countylive.ledger.SaleLineRules;
import countylive.ledger.SessionDraft;
import countylive.web.Figures;
import countylive.web.form.Refusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the preview of read files against the data as it is now, with the coordinator's choices
 * (form fields {@code product.S.P}, {@code host.S}, {@code end.S}), and turns a preview without
 * problems into what the ledger writes.
 */
@Singleton
class PreviewBuilder {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlatformLookups lookups;
    private final Figures figures;
    private final JsonMapper json;

    PreviewBuilder(PlatformLookups lookups, Figures figures, JsonMapper json) {
        this.lookups = lookups;
        this.figures = figures;
        this.json = json;
    }

    /**
     * @param choices   the form as posted, or empty for the first showing (the matches' defaults)
     * @param confirming the coordinator confirmed: an unanswered choice is an error, not a question
     */
    Preview build(String token, ImportScope.Scope scope, String countyCode, Parsed parsed, Map<String, String> choices,
                  boolean confirming) {
        List<PlatformLookups.ProductRow> products = lookups.products(countyCode);
        Map<Long, PlatformLookups.ProductRow> productsById = new HashMap<>();
        products.forEach(product -> productsById.put(product.id(), product));
        List<Preview.SessionView> sessions = new ArrayList<>();
        List<Preview.Problem> refusals = new ArrayList<>();
        Map<String, Preview.Problem> errors = new LinkedHashMap<>();
        Map<Platform, List<PlatformLookups.HostRow>> hostsByPlatform = new HashMap<>();
        int index = 0;
        for (Parsed.Session file : parsed.sessions()) {
            int s = index++;
            List<PlatformLookups.Candidate> byId = file.platformSessionId() == null ? List.of()
                    : lookups.withPlatformId(scope.campaignId(), file.platform(), file.platformSessionId());
            List<PlatformLookups.Candidate> inWindow = lookups.startingBetween(scope.campaignId(), file.platform(),
                    file.startsAt().minus(SessionMatch.WINDOW), file.startsAt().plus(SessionMatch.WINDOW));
            SessionMatch match = SessionMatch.of(file, countyCode, byId, inWindow);
            if (match.kind() == SessionMatch.Kind.OTHER_COUNTY) {
                PlatformLookups.Candidate other = match.session();
                refusals.add(new Preview.Problem("platform.scope.otherCounty", List.of(file.file(),
                        file.account() == null ? Objects.toString(file.platformSessionId(), "") : file.account(),
                        other.countyName(), other.startsAt().format(SHOWN), Long.toString(other.id()))));
            }
            PlatformLookups.Candidate stored = match.kind() == SessionMatch.Kind.OURS ? match.session() : null;

            // the end: the export's, else the stored session's, else typed in the preview
            String endTyped = choices.getOrDefault("end." + s, "").strip();
            LocalDateTime end = file.endsAt() != null ? file.endsAt() : stored != null ? stored.endsAt() : null;
            boolean needsEnd = file.endsAt() == null && stored == null;
            if (needsEnd && !endTyped.isEmpty()) {
                end = typedEnd(file.startsAt(), endTyped);
                if (end == null) {
                    errors.put("end." + s, new Preview.Problem("platform.preview.endFormat", List.of()));
                }
            } else if (needsEnd && confirming) {
                errors.put("end." + s, new Preview.Problem("platform.preview.endRequired", List.of()));
            }

            List<Preview.FieldChange> changes = new ArrayList<>();
            changes.add(change("platform.field.start", stored == null ? null : stored.startsAt().format(SHOWN),
                    file.startsAt().format(SHOWN)));
            changes.add(change("platform.field.end", stored == null ? null : stored.endsAt().format(SHOWN),
                    end == null ? null : end.format(SHOWN)));
            changes.add(audience("session.views", stored, stored == null ? null : stored.views(), file.views()));
            changes.add(audience("session.uniqueViewers", stored, stored == null ? null : stored.uniqueViewers(),
                    file.uniqueViewers()));
            changes.add(audience("session.peakViewers", stored, stored == null ? null : stored.peakViewers(),
                    file.peakViewers()));
            changes.add(audience("session.newFollowers", stored, stored == null ? null : stored.newFollowers(),
                    file.newFollowers()));

            Preview.HostView host = null;
            if (file.account() != null) {
                List<PlatformLookups.HostRow> hosts = hostsByPlatform.computeIfAbsent(file.platform(), lookups::hosts);
                PlatformLookups.HostRow registered = hosts.stream().filter(h -> h.handle().equalsIgnoreCase(file.account()))
                        .findFirst().orElse(null);
                String choice = registered != null ? Long.toString(registered.id())
                        : choices.getOrDefault("host." + s, "new");
                if (!choice.equals("new") && hosts.stream().noneMatch(h -> Long.toString(h.id()).equals(choice))) {
                    errors.put("host." + s, new Preview.Problem("input.choice", List.of()));
                }
                String name = registered != null ? registered.name()
                        : file.hostName() == null || file.hostName().isBlank() ? file.account() : file.hostName();
                host = new Preview.HostView(file.account(), name, registered == null ? null : registered.id(), choice,
                        hosts);
            }

            // products: remembered id, else the county's product of that name, else the coordinator's choice
            Map<String, List<Long>> remembered = lookups.remembered(file.platform(),
                    file.products().stream().map(Parsed.Product::externalId).toList());
            Map<Long, LineFigures> storedLines = stored == null ? Map.of() : lookups.lines(stored.id());
            List<String> productChoices = new ArrayList<>();
            List<String> matchedBy = new ArrayList<>();
            for (int p = 0; p < file.products().size(); p++) {
                Parsed.Product product = file.products().get(p);
                String field = "product." + s + "." + p;
                Long known = remembered.getOrDefault(product.externalId(), List.of()).stream()
                        .filter(productsById::containsKey).findFirst().orElse(null);
                Long byName = products.stream().filter(row -> row.name().equals(product.name())).map(
                        PlatformLookups.ProductRow::id).findFirst().orElse(null);
                String choice = choices.containsKey(field) ? choices.get(field).strip()
                        : known != null ? known.toString() : byName != null ? byName.toString() : "";
                matchedBy.add(known != null ? "id" : byName != null ? "name" : "");
                if (choice.isEmpty()) {
                    if (confirming) {
                        errors.put(field, new Preview.Problem("platform.preview.chooseProduct", List.of()));
                    }
                } else if (!choice.equals("new") && !choice.equals("skip")
                        && !productsById.containsKey(parseLong(choice))) {
                    errors.put(field, new Preview.Problem("input.choice", List.of()));
                    choice = "";
                }
                productChoices.add(choice);
            }
            // the lines the import writes: rows matched to one product are added up
            Map<String, LineFigures> lines = new LinkedHashMap<>();
            for (int p = 0; p < file.products().size(); p++) {
                String target = target(productChoices.get(p), file.products().get(p));
                if (target == null) {
                    continue;
                }
                Parsed.Product product = file.products().get(p);
                LineFigures before = before(storedLines, target);
                BigDecimal refunds = product.refunds() != null ? product.refunds()
                        : before != null ? before.refunds() : BigDecimal.ZERO.setScale(2);
                LineFigures row = new LineFigures(product.units(), product.orders(), product.gross(), refunds);
                lines.merge(target, row, (a, b) -> new LineFigures(a.units() + b.units(), a.orders() + b.orders(),
                        a.gross().add(b.gross()), product.refunds() == null ? a.refunds() : a.refunds().add(b.refunds())));
            }
            List<Preview.ProductView> views = new ArrayList<>();
            for (int p = 0; p < file.products().size(); p++) {
                Parsed.Product product = file.products().get(p);
                String target = target(productChoices.get(p), product);
                LineFigures after = target == null ? null : lines.get(target);
                Preview.Problem warning = null;
                if (after != null) {
                    try {
                        SaleLineRules.check(after, "gross");
                        PlatformLookups.ProductRow row = target.startsWith("#") ? null : productsById.get(parseLong(target));
                        Refusal.Problem w = SaleLineRules.warning(after, row == null ? null : row.referencePrice());
                        warning = w == null ? null : new Preview.Problem(w.key(), w.arguments());
                    } catch (Refusal refusal) {
                        Refusal.Problem first = refusal.problems().get(0);
                        SheetText.Place place = product.placeOf(first.key());
                        refusals.add(new Preview.Problem("platform.problem.at", List.of(place.file(),
                                place.sheet(), place.row(), place.header(),
                                new Preview.Problem(first.key(), first.arguments()))));
                    }
                }
                views.add(new Preview.ProductView(p, product, productChoices.get(p), matchedBy.get(p),
                        target == null ? null : before(storedLines, target), after, warning));
            }
            List<Map.Entry<String, String>> metrics = new ArrayList<>(file.metrics().entrySet());
            sessions.add(new Preview.SessionView(s, file, match, changes, host, views, metrics, needsEnd, endTyped, end));
        }
        if (parsed.sessions().isEmpty()) {
            refusals.add(new Preview.Problem("platform.preview.noSessions", List.of()));
        }
        return new Preview(token, scope.campaignId(), scope.campaignName(), countyCode,
                scope.counties().getOrDefault(countyCode, countyCode), sessions, refusals, errors, products);
    }

    /** What the ledger writes for a preview without problems. */
    PlatformImport toImport(Preview preview) {
        List<PlatformImport.Session> sessions = new ArrayList<>();
        for (Preview.SessionView view : preview.sessions()) {
            Parsed.Session file = view.parsed();
            Long hostId = null;
            SessionDraft.NewHost newHost = null;
            if (view.host() != null) {
                if (view.host().choice().equals("new")) {
                    newHost = new SessionDraft.NewHost(shortened(view.host().name(), 50), file.platform(),
                            shortened(view.host().handle(), 100));
                } else {
                    hostId = parseLong(view.host().choice());
                }
            }
            Map<String, PlatformImport.Line> lines = new LinkedHashMap<>();
            for (Preview.ProductView product : view.products()) {
                String target = target(product.choice(), product.parsed());
                if (target == null || lines.containsKey(target)) {
                    continue;
                }
                List<String> external = view.products().stream()
                        .filter(other -> target.equals(target(other.choice(), other.parsed())))
                        .map(other -> other.parsed().externalId()).toList();
                LineFigures after = product.after();
                boolean exportHasRefunds = product.parsed().refunds() != null;
                lines.put(target, new PlatformImport.Line(target.startsWith("#") ? null : parseLong(target),
                        target.startsWith("#") ? shortened(target.substring(1), 100) : null, external, after.units(),
                        after.orders(), after.gross(), exportHasRefunds ? after.refunds() : null));
            }
            sessions.add(new PlatformImport.Session(view.isNew() ? null : view.match().session().id(), file.platform(),
                    file.file(), file.account(), file.platformSessionId(), file.startsAt(), view.endsAt(), file.views(),
                    file.uniqueViewers(), file.peakViewers(), file.newFollowers(), hostId, newHost,
                    metricsJson(file.metrics()), file.grossSource().name(), new ArrayList<>(lines.values())));
        }
        return new PlatformImport(preview.campaignId(), preview.countyCode(), sessions);
    }

    private String metricsJson(Map<String, String> metrics) {
        try {
            return json.writeValueAsString(new LinkedHashMap<>(metrics));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line a row goes to: a product's id, "#name" for a new product, or null (skipped, not chosen). */
    private static @Nullable String target(String choice, Parsed.Product product) {
        if (choice.isEmpty() || choice.equals("skip")) {
            return null;
        }
        return choice.equals("new") ? "#" + product.name() : choice;
    }

    private static @Nullable LineFigures before(Map<Long, LineFigures> stored, String target) {
        return target.startsWith("#") ? null : stored.get(parseLong(target));
    }

    private Preview.FieldChange change(String label, @Nullable String from, @Nullable String to) {
        return new Preview.FieldChange(label, from == null ? "" : from, to == null ? "" : to,
                from != null && to != null && !from.equals(to));
    }

    /** An audience figure the export does not report keeps the stored one. */
    private Preview.FieldChange audience(String label, PlatformLookups.@Nullable Candidate stored, @Nullable Long from,
                                         @Nullable Long to) {
        Long after = to != null ? to : from;
        return new Preview.FieldChange(label, from == null ? "—" : figures.count(from),
                after == null ? "—" : figures.count(after), stored != null && to != null && !Objects.equals(from, to));
    }

    /** An end typed as {@code HH:mm} (the start's day, or the next when earlier) or {@code yyyy-MM-dd HH:mm}. */
    static @Nullable LocalDateTime typedEnd(LocalDateTime start, String typed) {
        try {
            if (typed.matches("\\d{1,2}:\\d{2}")) {
                LocalDateTime end = start.toLocalDate().atTime(LocalTime.parse(typed.length() == 4 ? "0" + typed : typed));
                return end.isAfter(start) ? end : end.plusDays(1);
            }
            return CellValues.time(typed);
        } catch (CellValues.BadValue | java.time.DateTimeException e) {
            return null;
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
