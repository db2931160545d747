package countylive.account;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.audit.AuditTrail;
import countylive.region.Counties;
import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormFlow;
import countylive.web.form.FormView;
import countylive.web.form.Input;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Account administration: only administrators. */
@Controller(value = "/accounts", produces = MediaType.TEXT_HTML)
@Secured("ADMIN")
@CsrfProtected
class AccountController {

    private static final Set<String> SORTABLE = Set.of("username", "displayName", "role", "enabled");
    private static final String FORM = "account/form";

    @Serdeable
    record ActionForm(@Nullable String csrf) implements CsrfForm {
    }

    /** A row of the list: the account with its counties. */
    record Row(AppUser user, List<UserRepository.UserCounty> counties) {
    }

    private final UserRepository users;
    private final AccountService service;
    private final FormView forms;
    private final FormFlow flow;
    private final AuditTrail audit;
    private final Messages messages;
    private final Counties counties;

    AccountController(UserRepository users, AccountService service, FormView forms, FormFlow flow, AuditTrail audit,
                      Messages messages, Counties counties) {
        this.counties = counties;
        this.users = users;
        this.service = service;
        this.forms = forms;
        this.flow = flow;
        this.audit = audit;
        this.messages = messages;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request, SORTABLE, "username");
        Page<AppUser> page = query.hasSearch()
                ? users.search(query.likePattern(), query.pageable())
                : users.findAll(query.pageable());
        List<Long> ids = page.getContent().stream().map(AppUser::id).toList();
        Map<Long, List<UserRepository.UserCounty>> counties = ids.isEmpty() ? Map.of()
                : users.findCountiesOf(ids).stream().collect(Collectors.groupingBy(UserRepository.UserCounty::userId));
        Page<Row> rows = page.map(user -> new Row(user, counties.getOrDefault(user.id(), List.of())));
        return new ModelAndView<>("account/list", Map.of("page", rows, "query", query));
    }

    @Get("/new")
    HttpResponse<?> newForm(HttpRequest<?> request) {
        return forms.render(request, FORM, AccountForm.blank(Submissions.newToken()).values(), new FormErrors(),
                formExtras(null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @Body AccountForm form, Authentication authentication) {
        FormErrors[] problems = new FormErrors[1];
        FormFlow.Page page = new FormFlow.Page(FORM, form.values(), () -> {
            Map<String, Object> extras = new HashMap<>(formExtras(null));
            // The initial password goes back into its field when it met its rule and only other fields
            // were wrong, so it need not be typed twice: the page is answered to the administrator who
            // just sent it, uncached (no-store), and this form is not kept as a draft on the device.
            // A refused password is not sent back; it has to be typed again anyway.
            if (problems[0] != null && !problems[0].has("password") && form.password() != null) {
                extras.put("keptPassword", form.password());
            }
            return extras;
        });
        return flow.create(request, form.submission(), page, errors -> {
                    problems[0] = errors;
                    return validateNew(form, errors);
                },
                account -> "/accounts/" + service.create(CurrentUser.of(authentication), account, form.submission()),
                "/accounts");
    }

    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, long id) {
        return showPage(request, HttpStatus.OK, find(id), null, new FormErrors());
    }

    @Get("/{id}/edit")
    HttpResponse<?> editForm(HttpRequest<?> request, long id) {
        AppUser user = find(id);
        return forms.render(request, FORM, AccountForm.of(user, users.findCountyCodes(id)).values(),
                new FormErrors(), formExtras(id));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body AccountForm form, Authentication authentication) {
        AppUser user = find(id);
        CurrentUser me = CurrentUser.of(authentication);
        FormFlow.Page page = new FormFlow.Page(FORM, form.withUsernameOf(user).values(), formExtras(id));
        return flow.update(request, form.versionNumber(), page, errors -> validateEdit(form, errors, me, id),
                account -> service.update(me, id, account), "/accounts/" + id);
    }

    @Post(value = "/{id}/disable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(HttpRequest<?> request, long id, @Body ActionForm form, Authentication authentication) {
        AppUser user = find(id);
        CurrentUser me = CurrentUser.of(authentication);
        if (me.id() == id) {
            return showPage(request, HttpStatus.CONFLICT, user, messages.get(request, "account.cannotDisableSelf"),
                    new FormErrors());
        }
        service.setEnabled(me, id, false);
        return saved(id);
    }

    @Post(value = "/{id}/enable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(long id, @Body ActionForm form, Authentication authentication) {
        find(id);
        service.setEnabled(CurrentUser.of(authentication), id, true);
        return saved(id);
    }

    /** An administrator sets a new password; the account's sessions end (but the admin's own stays). */
    @Post(value = "/{id}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetPassword(HttpRequest<?> request, long id, @Body PasswordForm form,
                                  Authentication authentication) {
        AppUser user = find(id);
        CurrentUser me = CurrentUser.of(authentication);
        FormErrors errors = new FormErrors();
        String password = form.validate(errors);
        if (password == null) {
            return showPage(request, HttpStatus.UNPROCESSABLE_ENTITY, user, null, errors);
        }
        String keep = me.id() == id ? SessionCookie.token(request).orElse(null) : null;
        service.setPassword(me, id, password, keep);
        return saved(id);
    }

    /** A new account: a free username besides what the form checks itself. */
    private @Nullable AccountForm.Valid validateNew(AccountForm form, FormErrors errors) {
        AccountForm.Valid account = form.validate(errors, true, counties);
        String username = Input.name(form.username());
        if (username != null && !errors.has("username") && service.usernameTaken(username)) {
            errors.add("username", "account.usernameTaken");
        }
        checkCounties(errors, account);
        return account;
    }

    /** A changed account: administrators cannot take their own administrator role away. */
    private @Nullable AccountForm.Valid validateEdit(AccountForm form, FormErrors errors, CurrentUser me, long id) {
        AccountForm.Valid account = form.validate(errors, false, counties);
        if (account != null && me.id() == id && account.role() != Role.ADMIN) {
            errors.add("role", "account.cannotDemoteSelf");
        }
        checkCounties(errors, account);
        return account;
    }

    /** Unknown codes are named in the message, so a typo is easy to find. */
    private void checkCounties(FormErrors errors, @Nullable AccountForm.Valid account) {
        if (account == null) {
            return;
        }
        Set<String> unknown = service.unknownCounties(account.countyCodes());
        if (!unknown.isEmpty()) {
            errors.add("counties", "account.unknownCounties", String.join(", ", unknown));
        }
    }

    private HttpResponse<?> showPage(HttpRequest<?> request, HttpStatus status, AppUser user,
                                     @Nullable String actionError, FormErrors passwordErrors) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("account", user);
        extra.put("counties", users.findCountiesOf(List.of(user.id())));
        extra.put("history", audit.historyOf(AccountService.AUDIT_TYPE, user.id()));
        if (actionError != null) {
            extra.put("actionError", actionError);
        }
        return forms.render(request, status, "account/show", PasswordForm.emptyValues(), passwordErrors, extra);
    }

    private AppUser find(long id) {
        return users.findById(id).orElseThrow(() -> new RecordNotFoundException(AccountService.AUDIT_TYPE.code(), id));
    }

    private static HttpResponse<?> saved(long id) {
        return HttpResponse.seeOther(URI.create("/accounts/" + id + "?flash=saved"));
    }

    private static Map<String, Object> formExtras(@Nullable Long accountId) {
        return accountId == null
                ? Map.of("roles", List.of(Role.values()))
                : Map.of("roles", List.of(Role.values()), "accountId", accountId);
    }
}
