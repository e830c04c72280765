package org.oneseal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.oneseal.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Outside the demo profile no account exists; the first administrator is created once, by command. */
@SpringBootTest(properties = {"oneseal.demo.enabled=false", "oneseal.embedded-postgres.instance=production-like"})
@ActiveProfiles("test")
class FirstAdministratorTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    RegionRepository regions;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationContext context;

    @Test
    void noDefaultAccountExistsAndTheFirstAdminIsCreatedOnlyOnce() {
        assertThat(jdbc.sql("select count(*) from oneseal.account").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from oneseal.region").query(Long.class).single()).isZero();
        FirstAdministrator command = new FirstAdministrator(accounts, regions, passwords, audit, tx,
                Clock.systemUTC(), context);

        assertThatThrownBy(() -> command.create("root", "管理员", null, null))
                .hasMessageContaining("--region-code");
        assertThat(jdbc.sql("select count(*) from oneseal.account").query(Long.class).single()).isZero();

        assertThat(command.create("root", "管理员", "330100", "测试市")).isZero();
        Account root = accounts.findByUsername("root").orElseThrow();
        assertThat(root.roles()).containsExactly(Role.SYSTEM_ADMIN);
        assertThat(root.cityWide()).isTrue();
        assertThat(root.hasConfirmedTotp()).isFalse();

        assertThatThrownBy(() -> command.create("root2", "管理员", null, null))
                .hasMessageContaining("exists already");
        new DemoDataGuard(regions).run(null); // no demo data here: starts
        assertThat(jdbc.sql("select count(*) from oneseal.account").query(Long.class).single()).isEqualTo(1);
    }
}
