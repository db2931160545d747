package countylive.campaign;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PartnerRepository extends CrudRepository<Partner, Long> {

    @Query(value = "SELECT partner_.* FROM partner partner_ WHERE partner_.name LIKE :pattern",
            countQuery = "SELECT COUNT(*) FROM partner WHERE name LIKE :pattern")
    Page<Partner> search(String pattern, Pageable pageable);

    Page<Partner> findAll(Pageable pageable);

    List<Partner> listOrderByName();

    boolean existsByName(String name);

    boolean existsByNameAndIdNotEqual(String name, Long id);

    @Query("SELECT COUNT(*) FROM campaign_partner WHERE partner_id = :id")
    long countCampaigns(Long id);
}
