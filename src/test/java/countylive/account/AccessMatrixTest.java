package countylive.account;

import countylive.access.Role;

import countylive.support.Browser;
import countylive.support.Fixtures;
import countylive.web.csrf.CsrfExempt;
import countylive.web.csrf.CsrfProtected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Controller;
import io.micronaut.inject.MethodExecutionHandle;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static countylive.account.AccessMatrixTest.Outcome.ANY;
import static countylive.account.AccessMatrixTest.Outcome.FORBIDDEN;
import static countylive.account.AccessMatrixTest.Outcome.LOGIN;
import static countylive.account.AccessMatrixTest.Outcome.NOT_FOUND;
import static countylive.account.AccessMatrixTest.Outcome.OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every route of the application, taken from the router, against every role. A route without a
 * line in {@link #RULES} fails the build, and the failure prints the lines to paste.
 *
 * <p>A line is {@code rule("METHOD /path/{template}", ACCESS)} or, when a role must get 404
 * for another county's record, {@code rule("...", COUNTY_READ, "sampleName")}: the sample is
 * built in {@link #samples()} as a record of a county the test coordinator does not have.
 */
@MicronautTest(transactional = false)
class AccessMatrixTest {

    /** What a role gets from a route. */
    enum Outcome {
        /** served: neither refused nor sent to log in (the page may still say 404 for a dummy id or 422) */
        OK,
        /** not signed in: GET is sent to /login, POST refused with 401/403 or sent to /login */
        LOGIN,
        /** 403 */
        FORBIDDEN,
        /** 404: the record is of a county the user does not have */
        NOT_FOUND,
        /** not asserted here; the reason is in a comment on the rule */
        ANY
    }

    /** The outcome per role: anonymous, coordinator (of another county), association staff, administrator. */
    record Access(Outcome anonymous, Outcome coordinator, Outcome association, Outcome admin) {

        Outcome of(Role role) {
            return switch (role) {
                case COORDINATOR -> coordinator;
                case ASSOCIATION -> association;
                case ADMIN -> admin;
            };
        }
    }

    static final Access PUBLIC = new Access(OK, OK, OK, OK);
    static final Access SIGNED_IN = new Access(LOGIN, OK, OK, OK);
    static final Access ADMIN_ONLY = new Access(LOGIN, FORBIDDEN, FORBIDDEN, OK);
    /** Everyone signed in reads; a coordinator gets 404 for another county's record. */
    static final Access COUNTY_READ = new Access(LOGIN, NOT_FOUND, OK, OK);
    /** Administrators and the county's coordinators change it; association staff never. */
    static final Access COUNTY_WRITE = new Access(LOGIN, NOT_FOUND, FORBIDDEN, OK);
    /** Coordinators and administrators, e.g. a "new" form whose county is chosen inside. */
    static final Access EDITORS = new Access(LOGIN, OK, FORBIDDEN, OK);

    record Rule(String route, Access access, @Nullable String sample, String query) {

        /** The same rule, its requests with a query string, e.g. a parameter the route requires. */
        Rule query(String query) {
            return new Rule(route, access, sample, "?" + query);
        }
    }

    static Rule rule(String route, Access access) {
        return new Rule(route, access, null, "");
    }

    static Rule rule(String route, Access access, String sample) {
        return new Rule(route, access, sample, "");
    }

    /** One line per route: "METHOD path-template", who may, and the sample record for its path variables. */
    static final List<Rule> RULES = List.of(
            rule("GET /", SIGNED_IN),
            rule("GET /health", PUBLIC),
            rule("GET /health/{selector}", PUBLIC),
            rule("GET /login", PUBLIC),
            // the login form has its own double-submit token (no token here: 403); LoginThrottleTest covers it
            rule("POST /login", new Access(ANY, ANY, ANY, ANY)),
            rule("POST /locale", PUBLIC),
            // logging out sends everyone to /login, which reads like a refusal here; SessionTest covers it
            rule("POST /logout", new Access(LOGIN, ANY, ANY, ANY)),
            rule("GET /account/password", SIGNED_IN),
            rule("POST /account/password", SIGNED_IN),
            rule("GET /accounts", ADMIN_ONLY),
            rule("POST /accounts", ADMIN_ONLY),
            rule("GET /accounts/new", ADMIN_ONLY),
            rule("GET /accounts/{id}", ADMIN_ONLY, "account"),
            rule("POST /accounts/{id}", ADMIN_ONLY, "account"),
            rule("GET /accounts/{id}/edit", ADMIN_ONLY, "account"),
            rule("POST /accounts/{id}/disable", ADMIN_ONLY, "account"),
            rule("POST /accounts/{id}/enable", ADMIN_ONLY, "account"),
            rule("POST /accounts/{id}/password", ADMIN_ONLY, "account"),
            rule("GET /audit", ADMIN_ONLY),
            rule("GET /integrity", ADMIN_ONLY),
            rule("POST /integrity/run", ADMIN_ONLY),
            // the metrics: a sensitive endpoint, then the URL map admits administrators (MetricsEndpointTest)
            rule("GET /prometheus", ADMIN_ONLY),

            // reference data: everyone signed in reads it (coordinators pick from it), administrators change it
            rule("GET /partners", SIGNED_IN),
            rule("POST /partners", ADMIN_ONLY),
            rule("GET /partners/new", ADMIN_ONLY),
            rule("GET /partners/{id}", SIGNED_IN, "partner"),
            rule("POST /partners/{id}", ADMIN_ONLY, "partner"),
            rule("GET /partners/{id}/edit", ADMIN_ONLY, "partner"),
            rule("POST /partners/{id}/delete", ADMIN_ONLY, "partner"),
            rule("GET /counties", SIGNED_IN),
            rule("GET /counties/{code}", SIGNED_IN, "county"),
            rule("POST /counties/{code}/poverty", ADMIN_ONLY, "county"),
            rule("GET /hosts", SIGNED_IN),
            rule("POST /hosts", ADMIN_ONLY),
            rule("GET /hosts/new", ADMIN_ONLY),
            rule("GET /hosts/{id}", SIGNED_IN, "host"),
            rule("POST /hosts/{id}", ADMIN_ONLY, "host"),
            rule("GET /hosts/{id}/edit", ADMIN_ONLY, "host"),
            rule("POST /hosts/{id}/delete", ADMIN_ONLY, "host"),
            // officials and products belong to a county, but are reference data that every county reads
            rule("GET /officials", SIGNED_IN),
            rule("POST /officials", ADMIN_ONLY),
            rule("GET /officials/new", ADMIN_ONLY),
            rule("GET /officials/{id}", SIGNED_IN, "official"),
            rule("POST /officials/{id}", ADMIN_ONLY, "official"),
            rule("GET /officials/{id}/edit", ADMIN_ONLY, "official"),
            rule("POST /officials/{id}/delete", ADMIN_ONLY, "official"),
            rule("GET /products", SIGNED_IN),
            rule("POST /products", ADMIN_ONLY),
            rule("GET /products/new", ADMIN_ONLY),
            rule("GET /products/{id}", SIGNED_IN, "product"),
            rule("POST /products/{id}", ADMIN_ONLY, "product"),
            rule("GET /products/{id}/edit", ADMIN_ONLY, "product"),
            rule("POST /products/{id}/delete", ADMIN_ONLY, "product"),

            // campaigns: the list holds only a coordinator's own campaigns; another campaign is a 404 to them
            rule("GET /campaigns", SIGNED_IN),
            rule("POST /campaigns", ADMIN_ONLY),
            rule("GET /campaigns/new", ADMIN_ONLY),
            rule("GET /campaigns/{id}", COUNTY_READ, "campaign"),
            rule("POST /campaigns/{id}", ADMIN_ONLY, "campaign"),
            rule("GET /campaigns/{id}/edit", ADMIN_ONLY, "campaign"),
            rule("POST /campaigns/{id}/delete", ADMIN_ONLY, "campaignToDelete"),

            // sessions and their sales grid
            rule("GET /sessions", SIGNED_IN),
            rule("GET /campaigns/{campaignId}/sessions", COUNTY_READ, "campaign"),
            rule("POST /campaigns/{campaignId}/sessions", COUNTY_WRITE, "campaign"),
            rule("GET /campaigns/{campaignId}/sessions/new", COUNTY_WRITE, "campaign"),
            rule("GET /sessions/{id}", COUNTY_READ, "session"),
            rule("POST /sessions/{id}", COUNTY_WRITE, "session"),
            rule("GET /sessions/{id}/edit", COUNTY_WRITE, "session"),
            rule("POST /sessions/{id}/delete", COUNTY_WRITE, "sessionToDelete"),
            rule("GET /sessions/{id}/sales", COUNTY_READ, "session"),
            rule("POST /sessions/{id}/sales", COUNTY_WRITE, "session"),

            // households are personal data: association staff get counts on the list and 403 on every household
            rule("GET /households", SIGNED_IN),
            rule("POST /households", EDITORS),
            rule("GET /households/new", EDITORS),
            rule("GET /households/{id}", new Access(LOGIN, NOT_FOUND, FORBIDDEN, OK), "household"),
            rule("POST /households/{id}", COUNTY_WRITE, "household"),
            rule("GET /households/{id}/edit", COUNTY_WRITE, "household"),
            rule("POST /households/{id}/delete", COUNTY_WRITE, "householdToDelete"),
            rule("POST /households/{id}/links", COUNTY_WRITE, "household"),
            rule("POST /beneficiary-links/{id}", COUNTY_WRITE, "link"),
            rule("GET /beneficiary-links/{id}/edit", COUNTY_WRITE, "link"),
            rule("POST /beneficiary-links/{id}/delete", COUNTY_WRITE, "linkToDelete"),

            // workbooks: a campaign's import and export only where one of the coordinator's counties takes part
            rule("GET /campaigns/{id}/import", COUNTY_WRITE, "campaign"),
            rule("POST /campaigns/{id}/import", COUNTY_WRITE, "campaign"),
            rule("GET /campaigns/{id}/platform-import", COUNTY_WRITE, "campaign"),
            // its token is checked by the handler once the parts have arrived (PlatformImportTest covers it)
            rule("POST /campaigns/{id}/platform-import", COUNTY_WRITE, "campaign"),
            // an upload is its uploader's alone: anyone else, administrators too, gets 404 (PlatformImportTest)
            rule("GET /platform-imports/{token}", new Access(LOGIN, NOT_FOUND, FORBIDDEN, NOT_FOUND), "platformUpload"),
            rule("POST /platform-imports/{token}", new Access(LOGIN, NOT_FOUND, FORBIDDEN, NOT_FOUND), "platformUpload"),
            rule("GET /campaigns/{id}/import/template.xlsx", COUNTY_WRITE, "campaign").query("county=" + AccessMatrixTest.OTHER_COUNTY),
            // a marked-up refused upload is its uploader's only (administrators too get 404 for another's)
            rule("GET /imports/rejected/{token}", new Access(LOGIN, NOT_FOUND, FORBIDDEN, OK), "rejection"),
            rule("GET /campaigns/{id}/sales.xlsx", COUNTY_READ, "campaign"),
            // every campaign's lines at once: not for coordinators
            rule("GET /sales.xlsx", new Access(LOGIN, FORBIDDEN, OK, OK)),

            // summaries: a campaign's for whoever may read the campaign; the overview not for coordinators
            rule("GET /campaigns/{id}/summary", COUNTY_READ, "campaign"),
            // the entries behind a figure: everyone signed in, narrowed inside to the counties the user
            // may read (CampaignSummaryTest.aCoordinatorTracesOnlyTheirOwnCounty)
            rule("GET /lines", SIGNED_IN),
            rule("GET /lines.xlsx", SIGNED_IN),
            rule("GET /lines/households", SIGNED_IN),
            // the sign-off: every step is checked again per county and role (SignOffTest); here the
            // step and county in the path are the sample's id, which names neither (404)
            rule("GET /campaigns/{id}/sign-off", COUNTY_READ, "campaign"),
            rule("POST /campaigns/{id}/sign-off/{action}", COUNTY_READ, "campaign"),
            rule("POST /campaigns/{id}/sign-off/{action}/{county}", COUNTY_READ, "campaign"),
            rule("GET /campaigns/{id}/summary.xlsx", COUNTY_READ, "campaign"),
            rule("POST /campaigns/{id}/summary/rebuild", ADMIN_ONLY, "campaign"),
            rule("GET /summaries", new Access(LOGIN, FORBIDDEN, OK, OK)),
            rule("GET /summaries.xlsx", new Access(LOGIN, FORBIDDEN, OK, OK))
    );

    /** Administrators last: their POST to a delete route may delete the sample the others were asked for. */
    static final List<Role> ROLES = List.of(Role.COORDINATOR, Role.ASSOCIATION, Role.ADMIN);

    /** The test coordinator's county, and a county of someone else's. */
    static final String OWN_COUNTY = "421124";
    static final String OTHER_COUNTY = "350524";
    static final String DUMMY_ID = "999999";

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Router router;

    /**
     * Records whose ids fill path variables, all of {@link #OTHER_COUNTY} where they have a county.
     * A new record type adds one line here (a named builder of its own test package helps).
     */
    Map<String, Function<Fixtures, Object>> samples() {
        Map<String, Function<Fixtures, Object>> samples = new LinkedHashMap<>();
        samples.put("account", f -> f.coordinatorOf("other-coordinator", OTHER_COUNTY));
        samples.put("partner", f -> {
            f.execute("INSERT INTO partner (name, kind, created_at, updated_at) VALUES ('抖音', 'PLATFORM', NOW(), NOW())");
            return f.value("SELECT id FROM partner WHERE name = '抖音'");
        });
        samples.put("county", f -> OTHER_COUNTY);
        samples.put("host", f -> new OtherCountyData(f).host("matrix"));
        samples.put("official", f -> new OtherCountyData(f).official("matrix"));
        samples.put("product", f -> new OtherCountyData(f).product("matrix"));
        // a campaign only the other county takes part in, with a session, sales, a household and its link
        samples.put("campaign", f -> new OtherCountyData(f).campaign("matrix"));
        samples.put("session", f -> new OtherCountyData(f).session("matrix"));
        samples.put("household", f -> new OtherCountyData(f).household("matrix"));
        samples.put("link", f -> new OtherCountyData(f).link("matrix-link"));
        // administrators' POST to a delete route may delete its sample: those get their own
        samples.put("campaignToDelete", f -> new OtherCountyData(f).campaign("matrix-delete"));
        samples.put("sessionToDelete", f -> new OtherCountyData(f).session("matrix-delete"));
        samples.put("householdToDelete", f -> new OtherCountyData(f).household("matrix-delete"));
        samples.put("linkToDelete", f -> new OtherCountyData(f).link("matrix-link-delete"));
        samples.put("rejection", f -> new OtherCountyData(f).rejection("matrix"));
        samples.put("platformUpload", f -> {
            // another county's coordinator's upload, waiting for its confirmation
            long campaign = new OtherCountyData(f).campaign("matrix-platform");
            long user = f.coordinatorOf("platform-uploader", OTHER_COUNTY);
            String token = java.util.UUID.randomUUID().toString();
            f.execute("INSERT INTO platform_preview (token, user_id, campaign_id, county_code, created_at)"
                    + " VALUES (?, ?, ?, ?, NOW())", token, user, campaign, OTHER_COUNTY);
            return token;
        });
        return samples;
    }

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.association("staff");
        fixtures.coordinatorOf("coordinator", OWN_COUNTY);
    }

    @Test
    void everyRouteHasARule() {
        Map<String, Rule> rules = rulesByRoute();
        TreeSet<String> missing = new TreeSet<>();
        for (var route : routes().entrySet()) {
            if (!rules.containsKey(route.getKey())) {
                missing.add(suggestedLine(route.getKey(), route.getValue()));
            }
        }
        if (!missing.isEmpty()) {
            fail("Routes without an access rule. Add these lines to AccessMatrixTest.RULES, check who may "
                    + "(COUNTY_READ / COUNTY_WRITE for a county's records, with a sample of another county):\n"
                    + String.join("\n", missing) + "\n");
        }
        TreeSet<String> stale = new TreeSet<>(rules.keySet());
        stale.removeAll(routes().keySet());
        assertEquals(new TreeSet<String>(), stale, "rules for routes that no longer exist");
    }

    @Test
    void everyPostRouteChecksTheCsrfTokenAndEveryControllerRouteIsSecured() {
        List<String> problems = new ArrayList<>();
        routes().forEach((route, handle) -> {
            boolean controller = handle.getDeclaringType().isAnnotationPresent(Controller.class);
            if (controller && !handle.hasAnnotation(Secured.class)
                    && !handle.getDeclaringType().isAnnotationPresent(Secured.class)) {
                problems.add(route + ": no @Secured on the method or its controller");
            }
            if (route.startsWith("POST ") && !csrfProtected(handle)) {
                problems.add(route + ": " + handle.getDeclaringType().getSimpleName() + " lacks @CsrfProtected");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRoleGetsWhatTheRuleSays() {
        Map<String, Object> built = new TreeMap<>();
        Map<String, Function<Fixtures, Object>> builders = samples();
        Map<Role, Browser> browsers = new EnumMap<>(Role.class);
        List<String> failures = new ArrayList<>();
        for (var entry : routes().entrySet()) {
            Rule rule = rulesByRoute().get(entry.getKey());
            if (rule == null) {
                continue; // reported by everyRouteHasARule
            }
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String template = entry.getKey().substring(method.length() + 1);
            String id = DUMMY_ID;
            if (rule.sample() != null) {
                if (!builders.containsKey(rule.sample())) {
                    failures.add(rule.route() + ": no sample named " + rule.sample() + " in samples()");
                    continue;
                }
                id = String.valueOf(built.computeIfAbsent(rule.sample(), name -> builders.get(name).apply(fixtures)));
            } else if (rule.access().coordinator() == NOT_FOUND) {
                failures.add(rule.route() + ": NOT_FOUND needs a sample record of another county");
                continue;
            }
            String path = fill(template, id) + rule.query();
            boolean multipart = multipart(entry.getValue());
            check(failures, rule, method, path, null, anonymous(method, path, entry.getValue(), multipart), rule.access().anonymous());
            for (Role role : ROLES) {
                Browser browser = method.equals("GET")
                        ? browsers.computeIfAbsent(role, this::login)
                        : login(role); // a POST may end the session (logout) or change the account
                Browser.Page page = method.equals("GET") ? get(browser, path, entry.getValue())
                        : multipart ? Multipart.post(browser, server.getURI(), path, Map.of("csrf", String.valueOf(browser.csrfToken())), null, null)
                        : browser.post(path, Map.of());
                check(failures, rule, method, path, role, page, rule.access().of(role));
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyPostWithoutOrWithAForgedTokenIsRefused() {
        Map<String, Function<Fixtures, Object>> builders = samples();
        Map<String, Object> built = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        routes().forEach((route, handle) -> {
            Rule rule = rulesByRoute().get(route);
            if (!route.startsWith("POST ") || handle.hasAnnotation(CsrfExempt.class) || rule == null) {
                return;
            }
            Role role = rule.access().admin() == OK ? Role.ADMIN
                    : rule.access().coordinator() == OK ? Role.COORDINATOR : Role.ASSOCIATION;
            String id = rule.sample() == null ? DUMMY_ID
                    : String.valueOf(built.computeIfAbsent(rule.sample(), name -> builders.get(name).apply(fixtures)));
            String path = fill(route.substring("POST ".length()), id);
            Browser browser = login(role);
            // a body that binds, so that the refusal comes from the token check and not from the binder
            int missing;
            int forged;
            if (multipart(handle)) {
                // an upload form: the token is a part of its own, next to the file
                byte[] file = "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                missing = Multipart.post(browser, server.getURI(), path, Map.of("note", "no token"), "x.xlsx", file).status();
                forged = Multipart.post(browser, server.getURI(), path,
                        Map.of("note", "forged", "csrf", "forged-" + browser.csrfToken()), "x.xlsx", file).status();
            } else {
                missing = browser.postRaw(path, Map.of("note", "no token")).status();
                forged = browser.postRaw(path, Map.of("note", "forged", "csrf", "forged-" + browser.csrfToken())).status();
            }
            if (missing != 403 || forged != 403) {
                failures.add(route + " as " + role + ": without token " + missing + ", forged token " + forged);
            }
        });
        assertEquals(List.of(), failures);
    }

    private void check(List<String> failures, Rule rule, String method, String path, @Nullable Role role,
                       Browser.Page page, Outcome expected) {
        int status = page.status();
        boolean toLogin = status == 303 && "/login".equals(page.location());
        boolean ok = switch (expected) {
            case ANY -> true;
            case OK -> status < 500 && status != 401 && status != 403 && !toLogin;
            case LOGIN -> method.equals("GET") ? toLogin : (status == 401 || status == 403 || toLogin);
            case FORBIDDEN -> status == 403;
            case NOT_FOUND -> status == 404;
        };
        if (!ok) {
            failures.add(rule.route() + " (" + method + " " + path + ") as " + (role == null ? "anonymous" : role)
                    + ": expected " + expected + " but got " + status
                    + (page.location() == null ? "" : " -> " + page.location()));
        }
    }

    private Browser.Page anonymous(String method, String path, MethodExecutionHandle<?, ?> handle, boolean multipart) {
        Browser browser = new Browser(server.getURI());
        if (method.equals("GET")) {
            return get(browser, path, handle);
        }
        return multipart ? Multipart.post(browser, server.getURI(), path, Map.of(), null, null) : browser.postRaw(path, Map.of());
    }

    /** A GET as a web browser makes it: HTML preferred, anything else (a download) accepted. */
    private Browser.Page get(Browser browser, String path, MethodExecutionHandle<?, ?> handle) {
        String[] produces = handle.stringValues(Produces.class);
        if (produces.length == 0 || Arrays.asList(produces).contains(MediaType.TEXT_HTML)) {
            return browser.get(path);
        }
        return browser.send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
    }

    /** Whether the route takes an upload form (multipart/form-data) rather than a plain form. */
    private static boolean multipart(MethodExecutionHandle<?, ?> handle) {
        return Arrays.asList(handle.stringValues(Consumes.class)).contains(MediaType.MULTIPART_FORM_DATA);
    }

    private Browser login(Role role) {
        String username = switch (role) {
            case ADMIN -> "root";
            case ASSOCIATION -> "staff";
            case COORDINATOR -> "coordinator";
        };
        return new Browser(server.getURI()).login(username, Fixtures.PASSWORD);
    }

    /** "GET /accounts/{id}" and the like, for every route the router knows. */
    private Map<String, MethodExecutionHandle<?, ?>> routes() {
        Map<String, MethodExecutionHandle<?, ?>> routes = new TreeMap<>();
        router.uriRoutes().forEach((UriRouteInfo<?, ?> route) -> {
            if (route.getHttpMethod() == HttpMethod.HEAD || route.getHttpMethod() == HttpMethod.OPTIONS) {
                return;
            }
            routes.put(route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString(), route.getTargetMethod());
        });
        return routes;
    }

    private static Map<String, Rule> rulesByRoute() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Rule rule : RULES) {
            if (rules.put(rule.route().replaceAll("\\s+", " ").strip(), rule) != null) {
                throw new AssertionError("two rules for " + rule.route());
            }
        }
        return rules;
    }

    private static boolean csrfProtected(MethodExecutionHandle<?, ?> handle) {
        return handle.hasAnnotation(CsrfProtected.class)
                || handle.getDeclaringType().isAnnotationPresent(CsrfProtected.class)
                || handle.getTargetMethod().isAnnotationPresent(CsrfProtected.class);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private static String fill(String template, String id) {
        return VARIABLE.matcher(template).replaceAll(Matcher.quoteReplacement(id));
    }

    /** A rule line for a new route, guessed from its @Secured: to be checked, then pasted. */
    private static String suggestedLine(String route, MethodExecutionHandle<?, ?> handle) {
        String[] secured = handle.stringValues(Secured.class);
        if (secured.length == 0) {
            secured = handle.getDeclaringType().isAnnotationPresent(Secured.class)
                    ? handle.getDeclaringType().getAnnotation(Secured.class).value() : new String[0];
        }
        String access = secured.length == 1 && secured[0].equals("ADMIN") ? "ADMIN_ONLY"
                : secured.length == 1 && secured[0].equals("isAnonymous()") ? "PUBLIC" : "SIGNED_IN";
        String sample = route.contains("{") ? ", \"sampleName\"" : "";
        return "            rule(\"" + route + "\", " + access + sample + "),";
    }
}
