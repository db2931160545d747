package countylive.web.form;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A row of form_submission: a create form's one-time token and where its submit led. */
@MappedEntity("form_submission")
record FormSubmission(@Id String token, String resultPath, LocalDateTime createdAt) {
}
