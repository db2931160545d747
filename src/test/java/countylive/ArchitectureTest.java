package countylive;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The shape the code keeps as it grows: feature packages that do not import each other in a
 * circle, and campaign data (sessions, sale lines, households, links) and the rollups written by
 * the ledger alone, so that no writer can forget a lock, a rollup or an audit entry.
 */
class ArchitectureTest {

    /** The tables only countylive.ledger writes. */
    static final Set<String> LEDGER_TABLES = Set.of("live_session", "live_session_host", "live_session_official",
            "sale_line", "sale_import", "household", "beneficiary_link", "session_sales", "county_day_sales",
            "county_sales", "host_sales", "official_sales", "product_sales", "county_people", "host_day_sales", "official_day_sales",
            "product_day_sales", "product_week_sales", "county_reach", "live_session_platform", "platform_product");

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+(?:IGNORE\\s+)?INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+`?([a-z_]+)`?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:\\\\.|[^\"\\\\\\n])*)\"");
    private static final Path MAIN = Path.of("src", "main", "java", "countylive");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("countylive");
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        slices().matching("countylive.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void readingCodeReachesTheLedgerOnlyForTheRepairButton() {
        noClasses().that().resideInAPackage("countylive.summary..")
                .and().doNotHaveSimpleName("RollupRebuildController")
                // the classes Micronaut generates for it
                .and().haveNameNotMatching(".*\\$RollupRebuildController\\$.*")
                .should().dependOnClassesThat().resideInAPackage("countylive.ledger..")
                .check(classes);
    }

    @Test
    void noStatementOutsideTheLedgerWritesCampaignDataOrRollups() throws IOException {
        List<String> writes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(MAIN.resolve("ledger")))
                    .forEach(file -> writes.addAll(ledgerWrites(file)));
        }
        assertEquals(List.of(), writes);
    }

    /** The check above finds what it looks for: the ledger's own statements. */
    @Test
    void theStatementCheckFindsTheLedgersOwnWrites() throws IOException {
        List<String> writes = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN.resolve("ledger"))) {
            files.forEach(file -> writes.addAll(ledgerWrites(file)));
        }
        for (String table : List.of("live_session", "sale_line", "household", "beneficiary_link", "sale_import")) {
            assertFalse(writes.stream().noneMatch(write -> write.endsWith(" " + table)), table + " in " + writes);
        }
    }

    /** Repositories outside the ledger may read campaign data, never save, update or delete it. */
    @Test
    void noRepositoryOutsideTheLedgerCanChangeCampaignData() throws ClassNotFoundException {
        List<String> writers = new ArrayList<>();
        for (JavaClass repository : classes.that(com.tngtech.archunit.base.DescribedPredicate.describe("repositories",
                c -> c.isAnnotatedWith(JdbcRepository.class)))) {
            if (repository.getPackageName().startsWith("countylive.ledger")) {
                continue;
            }
            Class<?> type = Class.forName(repository.getName());
            String table = entityTable(type);
            if (table == null || !LEDGER_TABLES.contains(table)) {
                continue;
            }
            if (CrudRepository.class.isAssignableFrom(type)) {
                writers.add(type.getSimpleName() + " is a CrudRepository of " + table);
            }
            for (Method method : type.getMethods()) {
                if (method.getName().matches("(save|update|delete|insert|persist|remove).*")) {
                    writers.add(type.getSimpleName() + "." + method.getName() + " on " + table);
                }
            }
        }
        assertEquals(List.of(), writers);
    }

    private static String entityTable(Class<?> repository) {
        for (Type parent : repository.getGenericInterfaces()) {
            if (parent instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                    && GenericRepository.class.isAssignableFrom(raw)
                    && generic.getActualTypeArguments()[0] instanceof Class<?> entity) {
                MappedEntity mapped = entity.getAnnotation(MappedEntity.class);
                if (mapped == null) {
                    return null;
                }
                // without a name, Micronaut Data maps SaleLine to sale_line
                return mapped.value().isEmpty()
                        ? entity.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT)
                        : mapped.value();
            }
        }
        return null;
    }

    /** "File: STATEMENT table" for every string of the file that writes a ledger table. */
    private static List<String> ledgerWrites(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> strings = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            strings.add(blocks.group(1));
        }
        Matcher plain = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (plain.find()) {
            strings.add(plain.group(1));
        }
        List<String> writes = new ArrayList<>();
        for (String text : strings) {
            Matcher write = WRITE.matcher(text);
            while (write.find()) {
                if (LEDGER_TABLES.contains(write.group(1).toLowerCase(java.util.Locale.ROOT))) {
                    writes.add(file.getFileName() + ": " + write.group().replaceAll("\\s+", " ").split(" ")[0]
                            + " " + write.group(1));
                }
            }
        }
        return writes;
    }
}
