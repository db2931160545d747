package countylive.region;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CountyRepository extends CrudRepository<County, String> {

    /** A county joined with the names of its prefecture and province. */
    @Introspected
    record Row(String code, String name, String prefectureName, String provinceCode, String provinceName,
               boolean povertyCounty, @Nullable Integer povertyExitYear) {

        CountyInfo info() {
            return new CountyInfo(code, name, prefectureName, provinceCode, provinceName, povertyCounty, povertyExitYear);
        }
    }

    String ROW = """
            SELECT county.code, county.name, prefecture.name AS prefecture_name, county.province_code,
                   province.name AS province_name, county.poverty_county, county.poverty_exit_year
            FROM county JOIN prefecture ON prefecture.code = county.prefecture_code
                        JOIN province ON province.code = county.province_code""";

    /** Name or code contains the pattern; province "" means every province. */
    @Query(value = """
            SELECT county_.* FROM county county_
            WHERE (county_.name LIKE :pattern OR county_.code LIKE :pattern)
              AND (:province = '' OR county_.province_code = :province)""",
            countQuery = """
            SELECT COUNT(*) FROM county
            WHERE (name LIKE :pattern OR code LIKE :pattern) AND (:province = '' OR province_code = :province)""")
    Page<County> search(String pattern, String province, Pageable pageable);

    @Query(value = ROW + " WHERE county.code IN (:codes)", readOnly = true)
    List<Row> rowsByCode(Collection<String> codes);

    @Query(value = ROW + " WHERE county.name IN (:names)", readOnly = true)
    List<Row> rowsByName(Collection<String> names);

    @Query(value = "SELECT code, name FROM province ORDER BY code", readOnly = true)
    List<Province> provinces();
}
