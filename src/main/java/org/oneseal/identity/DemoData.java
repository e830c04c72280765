package org.oneseal.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the fictitious 示范市 with its counties and zone, org units and one named account
 * per role (listed in the README). Loaded once; a second start leaves the data as it is.
 */
@Component
@ConditionalOnProperty(name = "oneseal.demo.enabled", havingValue = "true")
@Order(10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026!";
    static final String CITY_CODE = "990100";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final RegionRepository regions;
    private final OrgUnitRepository units;
    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** One hash for all demo accounts (same demo password): keeps the first start fast. */
    private String passwordHash;

    DemoData(RegionRepository regions, OrgUnitRepository units, AccountRepository accounts, JdbcClient jdbc,
            PasswordEncoder passwords, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.regions = regions;
        this.units = units;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (regions.findByCode(CITY_CODE).isPresent()) {
            return;
        }
        tx.executeWithoutResult(status -> load());
        log.warn("演示环境 DEMO DATA loaded: fictitious 示范市 and demo accounts (password {}); never use in production", PASSWORD);
    }

    private void load() {
        Instant now = clock.instant();
        passwordHash = passwords.encode(PASSWORD);
        long city = region(CITY_CODE, "示范市（市本级）", RegionLevel.CITY, null, 0, now);
        long donghu = region("990102", "东湖区", RegionLevel.DISTRICT, city, 1, now);
        long nanxi = region("990121", "南溪县", RegionLevel.COUNTY, city, 2, now);
        long beiling = region("990122", "北岭县", RegionLevel.COUNTY, city, 3, now);
        long zone = region("990171", "示范高新技术产业开发区", RegionLevel.DEVELOPMENT_ZONE, city, 4, now);
        long bureau = unit(city, null, OrgUnitKind.BUREAU, null, "SF-XZSPJ", "示范市行政审批局", now);
        unit(city, bureau, OrgUnitKind.BUREAU_SECTION, null, "SF-ZHK", "综合科", now);
        long market = unit(city, bureau, OrgUnitKind.BUREAU_SECTION, null, "SF-SCZR", "市场准入审批科", now);
        unit(city, bureau, OrgUnitKind.BUREAU_SECTION, null, "SF-GCJS", "工程建设审批科", now);
        unit(city, bureau, OrgUnitKind.BUREAU_SECTION, null, "SF-SHSW", "社会事务审批科", now);
        unit(city, null, OrgUnitKind.STATIONED_DEPARTMENT, null, "SF-SWJ", "市税务局驻厅窗口", now);
        unit(city, null, OrgUnitKind.STATIONED_DEPARTMENT, null, "SF-GAJ", "市公安局驻厅窗口", now);
        long hall = unit(city, bureau, OrgUnitKind.SERVICE_HALL, null, "SF-DT", "示范市政务服务大厅", now);
        long window1 = unit(city, hall, OrgUnitKind.WINDOW, WindowKind.GENERAL, "SF-CK01", "综合受理1号窗口", now);
        unit(city, hall, OrgUnitKind.WINDOW, WindowKind.GENERAL, "SF-CK02", "综合受理2号窗口", now);
        unit(city, hall, OrgUnitKind.WINDOW, WindowKind.SPECIAL, "SF-BBCS", "办不成事反映窗口", now);
        unit(city, hall, OrgUnitKind.WINDOW, WindowKind.SPECIAL, "SF-RC", "人才服务专窗", now);
        countyUnits(donghu, "DH", "东湖区", now);
        long nanxiBureau = countyUnits(nanxi, "NX", "南溪县", now);
        countyUnits(beiling, "BL", "北岭县", now);
        countyUnits(zone, "GX", "高新区", now);

        staff("admin", "系统管理员", city, bureau, true, Set.of(Role.SYSTEM_ADMIN), now);
        staff("auditor", "审计员", city, bureau, true, Set.of(Role.AUDITOR), now);
        staff("leader", "局长", city, bureau, true, Set.of(Role.LEADER), now);
        staff("chief01", "市场准入科科长", city, market, false, Set.of(Role.CHIEF), now);
        staff("reviewer01", "审查员", city, market, false, Set.of(Role.REVIEWER), now);
        staff("window01", "窗口人员", city, window1, false, Set.of(Role.WINDOW_STAFF), now);
        staff("party01", "党务干事", city, bureau, false, Set.of(Role.PARTY_AFFAIRS), now);
        staff("party02", "机关党委专职副书记", city, bureau, false, Set.of(Role.PARTY_AFFAIRS), now);
        staff("secretary01", "第一党支部书记", city, market, false, Set.of(Role.CHIEF, Role.PARTY_AFFAIRS), now);
        staff("nanxi_admin", "南溪县管理员", nanxi, nanxiBureau, false, Set.of(Role.REGION_ADMIN), now);
        staff("nanxi_window", "南溪县窗口人员", nanxi, nanxiBureau, false, Set.of(Role.WINDOW_STAFF), now);
        staff("nanxi_chief", "南溪县审批科长", nanxi, nanxiBureau, false, Set.of(Role.CHIEF, Role.REVIEWER), now);
        staff("beiling_admin", "北岭县管理员", beiling, null, false, Set.of(Role.REGION_ADMIN), now);
        applicants(now);
        audit.record(AuditRecord.of("identity.demo-data.load", "Region", city).actor("system"));
    }

    private long countyUnits(long region, String prefix, String name, Instant now) {
        long bureau = unit(region, null, OrgUnitKind.BUREAU, null, prefix + "-XZSPJ", name + "行政审批局", now);
        long hall = unit(region, bureau, OrgUnitKind.SERVICE_HALL, null, prefix + "-DT", name + "政务服务中心", now);
        unit(region, hall, OrgUnitKind.WINDOW, WindowKind.GENERAL, prefix + "-CK01", name + "综合受理窗口", now);
        unit(region, hall, OrgUnitKind.WINDOW, WindowKind.SPECIAL, prefix + "-BBCS", name + "办不成事反映窗口", now);
        return bureau;
    }

    private void applicants(Instant now) {
        long person = accounts.insert(Account.newApplicant(AccountKind.PERSON, "zhangsan", passwordHash,
                "张三"), now);
        jdbc.sql("insert into oneseal.person (account_id, real_name, id_card_number, phone) values (:a, '张三', '11010519491231002X', '13800138000')")
                .param("a", person).update();
        long enterprise = accounts.insert(Account.newApplicant(AccountKind.ENTERPRISE, "shifan_food",
                passwordHash, "示范美食餐饮有限公司"), now);
        jdbc.sql("""
                insert into oneseal.enterprise (account_id, name, credit_code, legal_representative, legal_rep_id_card)
                values (:a, '示范美食餐饮有限公司', '91350100M000100Y43', '张三', '11010519491231002X')""")
                .param("a", enterprise).update();
        jdbc.sql("""
                insert into oneseal.enterprise_agent (enterprise_id, real_name, id_card_number, role, created_at)
                values (:a, '张三', '11010519491231002X', 'LEGAL_REPRESENTATIVE', :now)""")
                .param("a", enterprise).param("now", AccountRepository.ts(now)).update();
    }

    private long region(String code, String name, RegionLevel level, Long parent, int sort, Instant now) {
        return regions.save(Region.create(new RegionCommand(code, name, level, parent, sort, true), now)).id();
    }

    private long unit(long region, Long parent, OrgUnitKind kind, WindowKind windowKind, String code, String name,
            Instant now) {
        return units.save(OrgUnit.create(new OrgUnitCommand(region, parent, kind, windowKind, code, name, null, 0, true),
                now)).id();
    }

    private void staff(String username, String name, long region, Long unit, boolean cityWide, Set<Role> roles,
            Instant now) {
        long id = accounts.insert(Account.newStaff(username, passwordHash, name, region, unit, cityWide,
                roles), now);
        accounts.confirmTotp(id, demoSecret(username), now);
    }

    /** The demo accounts' TOTP secret: DEMO + the user name's letters, padded to 32 base32 characters. */
    static String demoSecret(String username) {
        String letters = username.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
        return ("DEMO" + letters + "A".repeat(32)).substring(0, 32);
    }

    static List<String> demoStaff() {
        return List.of("admin", "auditor", "leader", "chief01", "reviewer01", "window01", "party01", "party02", "secretary01",
                "nanxi_admin",
                "nanxi_window", "nanxi_chief", "beiling_admin");
    }
}
