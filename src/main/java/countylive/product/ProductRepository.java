package countylive.product;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ProductRepository extends CrudRepository<Product, Long> {

    /** Name, category, producer, county code or county name contains the pattern. */
    @Query(value = """
            SELECT product_.* FROM product product_
            WHERE product_.name LIKE :pattern OR product_.category LIKE :pattern OR product_.producer LIKE :pattern
               OR product_.county_code LIKE :pattern
               OR product_.county_code IN (SELECT code FROM county WHERE name LIKE :pattern)""",
            countQuery = """
            SELECT COUNT(*) FROM product
            WHERE name LIKE :pattern OR category LIKE :pattern OR producer LIKE :pattern OR county_code LIKE :pattern
               OR county_code IN (SELECT code FROM county WHERE name LIKE :pattern)""")
    Page<Product> search(String pattern, Pageable pageable);

    Page<Product> findAll(Pageable pageable);

    boolean existsByCountyCodeAndName(String countyCode, String name);

    boolean existsByCountyCodeAndNameAndIdNotEqual(String countyCode, String name, Long id);

    @Query("SELECT COUNT(*) FROM sale_line WHERE product_id = :id")
    long countSaleLines(Long id);

    @Query("SELECT COUNT(*) FROM beneficiary_link WHERE product_id = :id")
    long countBeneficiaryLinks(Long id);
}
