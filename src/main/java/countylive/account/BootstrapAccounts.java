package countylive.account;

import countylive.access.Role;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * The accounts a new installation starts with. In production there is no default password:
 * the first administrator comes from COUNTYLIVE_ADMIN_USERNAME and COUNTYLIVE_ADMIN_PASSWORD,
 * and only while no administrator exists. In demo mode (embedded database) three demo accounts
 * with the password {@value #DEMO_PASSWORD} are made.
 */
@Singleton
class BootstrapAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAccounts.class);
    static final String DEMO_PASSWORD = "countylive";
    /** 英山县, Hubei: a tea county of the demo campaign. */
    static final String DEMO_COUNTY = "421124";

    private final UserRepository users;
    private final boolean demo;
    private final String adminUsername;
    private final String adminPassword;

    private final AppUserAccess accounts;

    BootstrapAccounts(UserRepository users, AppUserAccess accounts,
                      @Value("${countylive.demo:false}") boolean demo,
                      @Nullable @Value("${countylive.admin.username:}") String adminUsername,
                      @Nullable @Value("${countylive.admin.password:}") String adminPassword) {
        this.users = users;
        this.accounts = accounts;
        this.demo = demo;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        if (adminUsername != null && !adminUsername.isBlank() && !users.existsByRole(Role.ADMIN)) {
            createFirstAdmin();
        }
        if (demo) {
            createDemoAccounts();
        }
    }

    private void createFirstAdmin() {
        String problem = PasswordHasher.problemWith(adminPassword);
        if (problem != null) {
            throw new IllegalStateException("COUNTYLIVE_ADMIN_PASSWORD must have at least "
                    + PasswordHasher.MIN_LENGTH + " characters (and at most " + PasswordHasher.MAX_BYTES + " bytes)");
        }
        accounts.create(adminUsername.trim(), Role.ADMIN, adminPassword, Set.of());
        LOG.info("Created the first administrator '{}'", adminUsername.trim());
    }

    private void createDemoAccounts() {
        demoAccount("admin", "演示管理员", Role.ADMIN, Set.of());
        demoAccount("association", "演示协会工作人员", Role.ASSOCIATION, Set.of());
        demoAccount("coordinator", "演示县级协调员", Role.COORDINATOR, Set.of(DEMO_COUNTY));
        LOG.info("Demo mode: log in as admin, association or coordinator (county {}), password '{}'",
                DEMO_COUNTY, DEMO_PASSWORD);
    }

    private void demoAccount(String username, String displayName, Role role, Set<String> counties) {
        if (users.findByUsername(username).isPresent()) {
            return;
        }
        accounts.create(username, displayName, role, DEMO_PASSWORD, counties);
    }
}
