package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.oneseal.identity.StaffDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the bureau's party organisation — the party group (secretary: {@code leader}), the organ party
 * committee ({@code party02} its deputy secretary, {@code chief01} a committee member), four branches (第一党支部 with
 * {@code secretary01} as secretary and a reading group, 第二党支部 of the hall with {@code party01} as its party-affairs
 * worker) and their members, staff and others. Loaded once.
 */
@Component
@ConditionalOnProperty(name = "oneseal.demo.enabled", havingValue = "true")
@Order(50)
class DemoParty implements ApplicationRunner {

    private static final LocalDate FOUNDED = LocalDate.of(2019, 3, 1);

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoParty(JdbcClient jdbc, StaffDirectory staff, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from oneseal.party_org)").query(Boolean.class).single()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            long group = org(null, "GROUP", "中共示范市行政审批局党组");
            long committee = org(group, "ORGAN_COMMITTEE", "中共示范市行政审批局机关委员会");
            long first = org(committee, "BRANCH", "第一党支部（市场准入）");
            long reading = org(first, "CELL", "第一党小组（读书研讨小组）");
            long second = org(committee, "BRANCH", "第二党支部（政务服务大厅）");
            long third = org(committee, "BRANCH", "第三党支部（投资建设）");
            long fourth = org(committee, "BRANCH", "第四党支部（综合保障）");
            role(member("局长", "leader", fourth), group, "SECRETARY");
            role(member("机关党委专职副书记", "party02", fourth), committee, "DEPUTY_SECRETARY");
            long chief = member("市场准入科科长", "chief01", first);
            role(chief, committee, "COMMITTEE_MEMBER");
            role(member("第一党支部书记", "secretary01", first), first, "SECRETARY");
            role(member("审查员", "reviewer01", reading), reading, "CELL_LEADER");
            member("王芳", null, reading);
            member("李强", null, first);
            role(member("党务干事", "party01", second), second, "PARTY_AFFAIRS_WORKER");
            member("窗口人员", "window01", second);
            member("陈静", null, second);
            member("赵磊", null, second);
            member("周敏", null, third);
            member("吴刚", null, third);
            member("郑洁", null, fourth);
        });
    }

    private long org(Long parent, String kind, String name) {
        return jdbc.sql("""
                insert into oneseal.party_org (parent_id, kind, name, founded_on, created_at, created_by)
                values (:p, :k, :n, :f, :at, 'demo') returning id""").param("p", parent).param("k", kind)
                .param("n", name).param("f", FOUNDED).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    private long member(String name, String username, long org) {
        Long account = username == null ? null : staff.find(username).map(StaffDirectory.StaffMember::accountId)
                .orElse(null);
        long id = jdbc.sql("""
                insert into oneseal.party_member (name, account_id, category, joined_party_on, created_at)
                values (:n, :a, 'FULL', :j, :at) returning id""").param("n", name).param("a", account)
                .param("j", LocalDate.of(2008, 7, 1)).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        jdbc.sql("""
                insert into oneseal.party_membership (member_id, org_id, since, how_in, came_from, recorded_by, recorded_at)
                values (:m, :o, :s, 'TRANSFER_IN', '原单位党组织', 'demo', :at)""").param("m", id).param("o", org)
                .param("s", FOUNDED).param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    private void role(long member, long org, String role) {
        jdbc.sql("""
                insert into oneseal.party_role (member_id, org_id, role, since, recorded_by)
                values (:m, :o, :r, :s, 'demo')""").param("m", member).param("o", org).param("r", role)
                .param("s", FOUNDED).update();
    }
}
