package countylive.product;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.trace.Activity;
import countylive.web.Figures;
import countylive.region.Counties;
import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormFlow;
import countylive.web.form.FormView;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Products: everyone signed in reads them (coordinators pick them), administrators change them. */
@Controller(value = "/products", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ProductController {

    private static final Set<String> SORTABLE = Set.of("name", "category", "unit", "referencePrice", "countyCode", "producer", "updatedAt");

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final ProductRepository products;
    private final ProductService service;
    private final Counties counties;
    private final FormView forms;
    private final AuditTrail audit;
    private final Messages messages;
    private final FormFlow flow;

    private final Activity activity;
    private final Figures figures;

    ProductController(ProductRepository products, ProductService service, Counties counties, FormView forms,
                       AuditTrail audit, Messages messages, FormFlow flow, Activity activity,
                      Figures figures) {
        this.activity = activity;
        this.figures = figures;
        this.products = products;
        this.service = service;
        this.counties = counties;
        this.forms = forms;
        this.audit = audit;
        this.messages = messages;
        this.flow = flow;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request, SORTABLE, "name");
        var page = query.hasSearch()
                ? products.search(query.likePattern(), query.pageable())
                : products.findAll(query.pageable());
        var names = counties.findAll(page.getContent().stream().map(Product::countyCode).toList());
        return new ModelAndView<>("product/list", Map.of("page", page, "query", query, "counties", names));
    }

    @Get("/new")
    @Secured("ADMIN")
    HttpResponse<?> newForm(HttpRequest<?> request) {
        return forms.render(request, "product/form", ProductForm.blank(Submissions.newToken()).values(),
                new FormErrors(), formExtras(null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> create(HttpRequest<?> request, @Body ProductForm form, Authentication authentication) {
        FormFlow.Page page = new FormFlow.Page("product/form", form.values(), formExtras(null));
        return flow.create(request, form.submission(), page, errors -> {
                    Product product = form.validate(errors, null, counties);
                    if (product != null && service.nameTaken(product, null)) {
                        errors.add("name", "product.nameTaken");
                    }
                    return product;
                }, product -> "/products/" + service.create(CurrentUser.of(authentication), product, form.submission()).id(),
                "/products");
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(long id, Authentication authentication) {
        Map<String, Object> model = showModel(id);
        model.put("activity", activity.of(Activity.Of.PRODUCT, id, CurrentUser.of(authentication)));
        model.put("fig", figures);
        return new ModelAndView<>("product/show", model);
    }

    @Get("/{id}/edit")
    @Secured("ADMIN")
    HttpResponse<?> editForm(HttpRequest<?> request, long id) {
        Product product = products.findById(id).orElseThrow(() -> new RecordNotFoundException("product", id));
        return forms.render(request, "product/form", ProductForm.of(product).values(), new FormErrors(),
                formExtras(id));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body ProductForm form, Authentication authentication) {
        products.findById(id).orElseThrow(() -> new RecordNotFoundException("product", id));
        FormFlow.Page page = new FormFlow.Page("product/form", form.values(), formExtras(id));
        return flow.update(request, form.versionNumber(), page, errors -> {
                    Product product = form.validate(errors, id, counties);
                    if (product != null && service.nameTaken(product, id)) {
                        errors.add("name", "product.nameTaken");
                    }
                    return product;
                }, product -> service.update(CurrentUser.of(authentication), product), "/products/" + id);
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        Map<String, Object> model = showModel(id);
        ProductService.Dependents dependents = service.delete(CurrentUser.of(authentication), id);
        if (dependents.any()) {
            String blocker = messages.get(request, "product.blockedBy", dependents.saleLines(),
                    dependents.beneficiaryLinks());
            model.put("deleteError", messages.get(request, "delete.blocked", blocker));
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("product/show", model));
        }
        return HttpResponse.seeOther(URI.create("/products?flash=deleted"));
    }

    private Map<String, Object> showModel(long id) {
        Product product = products.findById(id).orElseThrow(() -> new RecordNotFoundException("product", id));
        Map<String, Object> model = new HashMap<>();
        model.put("product", product);
        counties.find(product.countyCode()).ifPresent(county -> model.put("county", county));
        model.put("history", audit.historyOf(ProductService.AUDIT_TYPE, id));
        return model;
    }

    private static Map<String, Object> formExtras(@Nullable Long id) {
        return id == null ? Map.of() : Map.of("productId", id);
    }
}
