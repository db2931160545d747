package countylive.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** A page whose template fails while it is written out; only in {@link BrokenPageTest}'s context. */
@Requires(property = "countylive.test.broken-page", value = "true")
@Controller(value = "/test/broken-page", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenPageController {

    @Get
    ModelAndView<Map<String, Object>> show() {
        return new ModelAndView<>("test/broken", Map.of("page", "text"));
    }
}
