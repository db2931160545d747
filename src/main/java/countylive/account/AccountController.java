package countylive.account;

import countylive.access.Role;

import countylive.access.CurrentUser;

import countylive.audit.AuditTrail;
import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormView;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
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

    @Serdeable
    record ActionForm(@Nullable String csrf) implements CsrfForm {
    }

    /** A row of the list: the account with its counties. */
    record Row(AppUser user, List<UserRepository.UserCounty> counties) {
    }

    private final UserRepository users;
    private final AccountService service;
    private final FormView forms;
    private final AuditTrail audit;
    private final Messages messages;
    private final Submissions submissions;

    AccountController(UserRepository users, AccountService service, FormView forms, AuditTrail audit,
                      Messages messages, Submissions submissions) {
        this.users = users;
        this.service = service;
        this.forms = forms;
        this.audit = audit;
        this.messages = messages;
        this.submissions = submissions;
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
        return forms.render(request, "account/form", AccountForm.blank(Submissions.newToken()).values(),
                new FormErrors(), formExtras(null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @Body AccountForm form, Authentication authentication) {
        var previous = submissions.previousResult(form.submission());
        if (previous.isPresent()) {
            return HttpResponse.seeOther(URI.create(previous.get()));
        }
        FormErrors errors = new FormErrors();
        AccountForm.Valid account = form.validate(errors, true);
        String username = countylive.web.form.Input.name(form.username());
        if (username != null && !errors.has("username") && service.usernameTaken(username)) {
            errors.add("username", "account.usernameTaken");
        }
        checkCounties(errors, account);
        if (!errors.isEmpty()) {
            return forms.render(request, "account/form", form.values(), errors, formExtras(null));
        }
        try {
            long id = service.create(CurrentUser.of(authentication), account, form.submission());
            return HttpResponse.seeOther(URI.create("/accounts/" + id + "?flash=created"));
        } catch (Submissions.AlreadySubmitted e) {
            return HttpResponse.seeOther(URI.create(e.resultPath() == null ? "/accounts" : e.resultPath()));
        }
    }

    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, long id) {
        return showPage(request, HttpStatus.OK, id, null, new FormErrors());
    }

    @Get("/{id}/edit")
    HttpResponse<?> editForm(HttpRequest<?> request, long id) {
        AppUser user = find(id);
        return forms.render(request, "account/form", AccountForm.of(user, users.findCountyCodes(id)).values(),
                new FormErrors(), formExtras(user));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body AccountForm form, Authentication authentication) {
        AppUser user = find(id);
        CurrentUser me = CurrentUser.of(authentication);
        Map<String, String> values = new HashMap<>(form.values());
        values.put("username", user.username());
        FormErrors errors = new FormErrors();
        AccountForm.Valid account = form.validate(errors, false);
        if (account != null && me.id() == id && account.role() != Role.ADMIN) {
            errors.add("role", "account.cannotDemoteSelf");
        }
        checkCounties(errors, account);
        if (account != null && account.version() == null) {
            errors.add("_form", "form.staleVersion");
        }
        if (!errors.isEmpty()) {
            return forms.render(request, "account/form", values, errors, formExtras(user));
        }
        try {
            service.update(me, id, account);
            return HttpResponse.seeOther(URI.create("/accounts/" + id + "?flash=saved"));
        } catch (OptimisticLockException e) {
            errors.add("_form", "form.staleVersion");
            return forms.render(request, HttpStatus.CONFLICT, "account/form", values, errors, formExtras(user));
        }
    }

    @Post(value = "/{id}/disable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(HttpRequest<?> request, long id, @Body ActionForm form, Authentication authentication) {
        find(id);
        CurrentUser me = CurrentUser.of(authentication);
        if (me.id() == id) {
            return showPage(request, HttpStatus.CONFLICT, id, messages.get(request, "account.cannotDisableSelf"),
                    new FormErrors());
        }
        service.setEnabled(me, id, false);
        return HttpResponse.seeOther(URI.create("/accounts/" + id + "?flash=saved"));
    }

    @Post(value = "/{id}/enable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(long id, @Body ActionForm form, Authentication authentication) {
        find(id);
        service.setEnabled(CurrentUser.of(authentication), id, true);
        return HttpResponse.seeOther(URI.create("/accounts/" + id + "?flash=saved"));
    }

    /** An administrator sets a new password; the account's sessions end (but the admin's own stays). */
    @Post(value = "/{id}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetPassword(HttpRequest<?> request, long id, @Body PasswordForm form,
                                  Authentication authentication) {
        find(id);
        CurrentUser me = CurrentUser.of(authentication);
        FormErrors errors = new FormErrors();
        String password = form.validate(errors);
        if (password == null) {
            return showPage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, null, errors);
        }
        String keep = me.id() == id ? SessionCookie.token(request).orElse(null) : null;
        service.setPassword(me, id, password, keep);
        return HttpResponse.seeOther(URI.create("/accounts/" + id + "?flash=saved"));
    }

    private HttpResponse<?> showPage(HttpRequest<?> request, HttpStatus status, long id, @Nullable String actionError,
                                     FormErrors passwordErrors) {
        AppUser user = find(id);
        Map<String, Object> extra = new HashMap<>();
        extra.put("account", user);
        extra.put("counties", users.findCountiesOf(List.of(id)));
        extra.put("history", audit.historyOf(AccountService.AUDIT_TYPE, id));
        if (actionError != null) {
            extra.put("actionError", actionError);
        }
        return forms.render(request, status, "account/show", PasswordForm.emptyValues(), passwordErrors, extra);
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

    private AppUser find(long id) {
        return users.findById(id).orElseThrow(() -> new RecordNotFoundException(AccountService.AUDIT_TYPE.code(), id));
    }

    private static Map<String, Object> formExtras(@Nullable AppUser user) {
        Map<String, Object> extras = new HashMap<>();
        extras.put("roles", List.of(Role.values()));
        if (user != null) {
            extras.put("accountId", user.id());
        }
        return extras;
    }
}
