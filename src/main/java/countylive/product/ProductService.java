package countylive.product;

import countylive.audit.RecordType;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Product changes, each one transaction with its audit entry (filed under the county of origin). */
@Singleton
public class ProductService {

    static final RecordType AUDIT_TYPE = RecordType.PRODUCT;

    /** What still refers to a product: sale lines and beneficiary links. */
    record Dependents(long saleLines, long beneficiaryLinks) {

        boolean any() {
            return saleLines > 0 || beneficiaryLinks > 0;
        }
    }

    private final ProductRepository products;
    private final Submissions submissions;
    private final AuditTrail audit;

    ProductService(ProductRepository products, Submissions submissions, AuditTrail audit) {
        this.products = products;
        this.submissions = submissions;
        this.audit = audit;
    }

    /** A county offers one product of a name. */
    boolean nameTaken(Product product, Long exceptId) {
        return exceptId == null
                ? products.existsByCountyCodeAndName(product.countyCode(), product.name())
                : products.existsByCountyCodeAndNameAndIdNotEqual(product.countyCode(), product.name(), exceptId);
    }

    /** @throws Submissions.AlreadySubmitted when the same form was submitted before */
    @Transactional
    Product create(CurrentUser user, Product product, String submissionToken) {
        submissions.claim(submissionToken);
        Product saved = products.save(product);
        submissions.complete(submissionToken, "/products/" + saved.id());
        audit.created(user, AUDIT_TYPE, saved.id(), saved.countyCode(), saved.auditValues());
        return saved;
    }

    /**
     * A product named in a platform export and created from its import's preview, in the import's
     * transaction, so that it exists only if the import is written. Its category and unit are
     * placeholders the coordinator corrects on the product's page.
     *
     * @return the new product's id, or empty when the county offers a product of that name already
     */
    @io.micronaut.transaction.annotation.Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    public Optional<Long> register(CurrentUser user, String name, String countyCode, String category, String unit) {
        Product product = new Product(null, name, category, unit, null, countyCode, null, null, null, null);
        if (nameTaken(product, null)) {
            return Optional.empty();
        }
        Product saved = products.save(product);
        audit.created(user, AUDIT_TYPE, saved.id(), saved.countyCode(), saved.auditValues());
        return Optional.of(saved.id());
    }

    /** @throws OptimisticLockException when someone else saved the product since the form was opened */
    @Transactional
    Product update(CurrentUser user, Product changed) {
        Product before = products.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        Product saved = products.update(new Product(changed.id(), changed.name(), changed.category(), changed.unit(),
                changed.referencePrice(), changed.countyCode(), changed.producer(), changed.version(),
                before.createdAt(), before.updatedAt()));
        audit.updated(user, AUDIT_TYPE, saved.id(), saved.countyCode(), before.auditValues(), saved.auditValues());
        return saved;
    }

    /** Deletes the product unless something refers to it; returns what does (none when deleted). */
    @Transactional
    Dependents delete(CurrentUser user, long id) {
        Optional<Product> product = products.findById(id);
        if (product.isEmpty()) {
            return new Dependents(0, 0);
        }
        Dependents dependents = new Dependents(products.countSaleLines(id), products.countBeneficiaryLinks(id));
        if (dependents.any()) {
            return dependents;
        }
        products.deleteById(id);
        audit.deleted(user, AUDIT_TYPE, id, product.get().countyCode(), product.get().auditValues());
        return dependents;
    }
}
