package countylive.region;

import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Read-only access to counties for other features: look-ups by code, and turning what a person
 * typed ("421124, 英山县 兴山县") into counties. With 2,978 counties no select list is usable,
 * so forms take typed codes or names and say which could not be resolved.
 */
@Singleton
public class Counties {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    /** More tokens than this in one field is not someone typing. */
    static final int MAX_TOKENS = 200;

    /** What became of typed text: the counties found, and the words that named none or several. */
    public record Resolution(List<CountyInfo> found, List<String> unknown, Map<String, List<CountyInfo>> ambiguous) {

        public boolean complete() {
            return unknown.isEmpty() && ambiguous.isEmpty();
        }

        /** "朝阳区 (110105 北京市, 220104 吉林省)" for each ambiguous name. */
        public String ambiguousText() {
            return ambiguous.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue().stream()
                            .map(c -> c.code() + " " + c.prefectureName() + "/" + c.provinceName())
                            .collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining("; "));
        }
    }

    private final CountyRepository counties;

    Counties(CountyRepository counties) {
        this.counties = counties;
    }

    public Optional<CountyInfo> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return counties.rowsByCode(List.of(code)).stream().findFirst().map(CountyRepository.Row::info);
    }

    /** The known counties among the codes, in the order given; unknown codes are left out. */
    public Map<String, CountyInfo> findAll(Collection<String> codes) {
        List<String> valid = codes.stream().filter(c -> c != null && CODE.matcher(c).matches()).distinct().toList();
        if (valid.isEmpty()) {
            return Map.of();
        }
        Map<String, CountyInfo> byCode = counties.rowsByCode(valid).stream()
                .collect(Collectors.toMap(CountyRepository.Row::code, CountyRepository.Row::info));
        Map<String, CountyInfo> ordered = new LinkedHashMap<>();
        valid.stream().filter(byCode::containsKey).forEach(code -> ordered.put(code, byCode.get(code)));
        return ordered;
    }

    public List<Province> provinces() {
        return counties.provinces();
    }

    /**
     * Reads codes and names separated by spaces, commas or 、. A six-digit code must exist; a
     * name must name exactly one county (otherwise it is ambiguous and the candidates are listed).
     */
    public Resolution resolve(String typed) {
        List<String> tokens = tokens(typed);
        Set<String> codes = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (String token : tokens) {
            (CODE.matcher(token).matches() ? codes : names).add(token);
        }
        Map<String, CountyInfo> byCode = findAll(codes);
        Map<String, List<CountyInfo>> byName = names.isEmpty() ? Map.of() : counties.rowsByName(names).stream()
                .map(CountyRepository.Row::info)
                .collect(Collectors.groupingBy(CountyInfo::name, LinkedHashMap::new, Collectors.toList()));
        Map<String, CountyInfo> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Map<String, List<CountyInfo>> ambiguous = new LinkedHashMap<>();
        for (String token : tokens) {
            if (CODE.matcher(token).matches()) {
                CountyInfo county = byCode.get(token);
                if (county == null) {
                    unknown.add(token);
                } else {
                    found.putIfAbsent(county.code(), county);
                }
            } else {
                List<CountyInfo> candidates = byName.getOrDefault(token, List.of());
                if (candidates.isEmpty()) {
                    unknown.add(token);
                } else if (candidates.size() > 1) {
                    ambiguous.put(token, candidates);
                } else {
                    found.putIfAbsent(candidates.get(0).code(), candidates.get(0));
                }
            }
        }
        return new Resolution(List.copyOf(found.values()), List.copyOf(new LinkedHashSet<>(unknown)), ambiguous);
    }

    /**
     * The one county a form field names (by code or unique name), or null after noting in errors
     * why not: missing, unknown, ambiguous, or more than one.
     */
    public @Nullable CountyInfo pickOne(FormErrors errors, String field, @Nullable String typed, boolean required) {
        Resolution resolution = resolve(typed);
        if (!resolution.unknown().isEmpty()) {
            errors.add(field, "county.unknown", String.join(", ", resolution.unknown()));
        } else if (!resolution.ambiguous().isEmpty()) {
            errors.add(field, "county.ambiguous", resolution.ambiguousText());
        } else if (resolution.found().size() > 1) {
            errors.add(field, "county.onlyOne");
        } else if (resolution.found().isEmpty()) {
            if (required) {
                errors.add(field, "input.required");
            }
        } else {
            return resolution.found().get(0);
        }
        return null;
    }

    static List<String> tokens(String typed) {
        if (typed == null) {
            return List.of();
        }
        String normalized = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        if (normalized.isEmpty()) {
            return List.of();
        }
        return SEPARATORS.splitAsStream(normalized).filter(t -> !t.isEmpty())
                .map(t -> t.length() > 50 ? t.substring(0, 50) : t)
                .distinct().limit(MAX_TOKENS).toList();
    }
}
