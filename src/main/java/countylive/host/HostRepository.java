package countylive.host;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface HostRepository extends CrudRepository<Host, Long> {

    @Query(value = "SELECT host_.* FROM host host_ WHERE host_.name LIKE :pattern OR host_.handle LIKE :pattern",
            countQuery = "SELECT COUNT(*) FROM host WHERE name LIKE :pattern OR handle LIKE :pattern")
    Page<Host> search(String pattern, Pageable pageable);

    Page<Host> findAll(Pageable pageable);

    boolean existsByPlatformAndHandle(Platform platform, String handle);

    boolean existsByPlatformAndHandleAndIdNotEqual(Platform platform, String handle, Long id);

    @Query("SELECT COUNT(*) FROM live_session_host WHERE host_id = :id")
    long countSessions(Long id);
}
