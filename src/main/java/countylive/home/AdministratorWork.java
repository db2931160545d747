package countylive.home;

import countylive.database.Reads;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An administrator's work list: the campaigns that still need setting up (planned, without
 * counties or partners, or past their end and still open) and the accounts by role. The integrity
 * warnings come from the checks' kept results ({@link countylive.integrity.IntegrityWarnings}).
 */
@Singleton
class AdministratorWork {

    /** A campaign that needs an administrator, with what it lacks as message keys. */
    record ToSetUp(long id, String name, String status, LocalDate startsOn, LocalDate endsOn, List<String> lacks) {
    }

    record Accounts(String role, long enabled, long disabled) {
    }

    private final Reads reads;

    AdministratorWork(Reads reads) {
        this.reads = reads;
    }

    List<ToSetUp> campaignsToSetUp(LocalDate today) {
        return reads.list("""
                SELECT c.id, c.name, c.status, c.starts_on, c.ends_on,
                       (SELECT COUNT(*) FROM campaign_county cc WHERE cc.campaign_id = c.id) AS counties,
                       (SELECT COUNT(*) FROM campaign_partner cp WHERE cp.campaign_id = c.id) AS partners
                FROM campaign c
                WHERE c.status <> 'CLOSED'
                ORDER BY c.starts_on, c.id""", List.of(), row -> {
            List<String> lacks = new ArrayList<>();
            if ("PLANNED".equals(row.getString("status"))) {
                lacks.add("home.admin.lacks.planned");
            }
            if (row.getLong("counties") == 0) {
                lacks.add("home.admin.lacks.counties");
            }
            if (row.getLong("partners") == 0) {
                lacks.add("home.admin.lacks.partners");
            }
            if (row.getObject("ends_on", LocalDate.class).isBefore(today)) {
                lacks.add("home.admin.lacks.ended");
            }
            return new ToSetUp(row.getLong("id"), row.getString("name"), row.getString("status"),
                    row.getObject("starts_on", LocalDate.class), row.getObject("ends_on", LocalDate.class), lacks);
        }).stream().filter(campaign -> !campaign.lacks().isEmpty()).toList();
    }

    List<Accounts> accounts() {
        return reads.list("""
                SELECT role, SUM(enabled) AS enabled, SUM(NOT enabled) AS disabled
                FROM app_user GROUP BY role ORDER BY FIELD(role, 'COORDINATOR', 'ASSOCIATION', 'ADMIN')""", List.of(),
                row -> new Accounts(row.getString("role"), row.getLong("enabled"), row.getLong("disabled")));
    }

    /** Coordinators who may log in but have no county, so can enter nothing. */
    long coordinatorsWithoutCounty() {
        return reads.one("""
                SELECT COUNT(*) FROM app_user u
                WHERE u.role = 'COORDINATOR' AND u.enabled
                  AND NOT EXISTS (SELECT 1 FROM user_county uc WHERE uc.user_id = u.id)""", List.of(),
                row -> row.getLong(1));
    }
}
