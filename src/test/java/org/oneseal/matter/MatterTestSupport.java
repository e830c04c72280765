package org.oneseal.matter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Test data of the matter module: a demo staff member with the matter authorities added (the roles get
 * them in identity's Role; until then the tests add them), valid elements, unique codes.
 */
final class MatterTestSupport {

    static final List<String> ALL = List.of("matter:read", "matter:edit", "matter:publish");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private MatterTestSupport() {
    }

    static Authentication staff(UserDetailsService users, String username, List<String> extra) {
        UserDetails user = users.loadUserByUsername(username);
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        extra.forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    static void signIn(UserDetailsService users, String username) {
        SecurityContextHolder.getContext().setAuthentication(staff(users, username, ALL));
    }

    static String uniqueCode(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
    }

    static long unitId(JdbcClient jdbc, String code) {
        return jdbc.sql("select id from oneseal.org_unit where code = :c").param("c", code).query(Long.class).single();
    }

    static long regionId(JdbcClient jdbc, String code) {
        return jdbc.sql("select id from oneseal.region where code = :c").param("c", code).query(Long.class).single();
    }

    static MatterElements valid(long departmentId, String name, int legal, int promised) {
        return new MatterElements(name, MatterType.LICENSING, departmentId, null, "示范市行政审批局", CompetenceLevel.CITY,
                false, false, "《测试条例》第一条", ServiceObject.ENTERPRISE,
                List.of(HandlingForm.WINDOW, HandlingForm.ONLINE), HandlingKind.PROMISED, legal, promised, 1,
                List.of(new MatterElements.Procedure("现场核查", 5, false, "《测试条例》第二条")), true, null, null,
                "测试用受理条件", materials("申请书", "营业执照"), "申请 → 受理 → 决定", List.of(), "按时办结",
                "0999-1", "0999-2", true, false, false, false, false, null, null, null, null, null, null, null, List.of("测试主题"), null,
                null);
    }

    static List<MatterElements.Material> materials(String... names) {
        List<MatterElements.Material> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(new MatterElements.Material("M" + (i + 1), names[i], true, i == 0, true, true, false, false, 1,
                    null, null, null));
        }
        return list;
    }

    static MatterElements with(MatterElements e, int promised, List<MatterElements.Material> materials,
            BigDecimal fee) {
        return new MatterElements(e.name(), e.type(), e.departmentId(), e.departmentName(), e.implementingBody(),
                e.competence(), e.transferred(), e.delegated(), e.legalBasis(), e.serviceObject(), e.handlingForms(),
                e.handlingKind(), e.legalLimitDays(), promised, e.onsiteVisits(), e.specialProcedures(), fee == null,
                fee, fee == null ? null : "", e.conditions(), materials, e.flow(), e.questions(), e.serviceCommitment(),
                e.enquiryPhone(), e.complaintPhone(), e.online(), e.certificateFree(), e.cityWide(), e.crossProvince(),
                e.bundleMember(), e.reformMode(), e.reformListVersion(), e.reformBasis(), e.replacedBy(), e.deferralRule(), e.commitmentCheck(), e.tongbanModes(), e.lifeEvents(), e.processKey(), e.licenceKind());
    }

    static MatterElements withReform(MatterElements e, ServiceObject serviceObject, ReformMode mode, String listVersion,
            String basis, String replacedBy) {
        return new MatterElements(e.name(), e.type(), e.departmentId(), e.departmentName(), e.implementingBody(),
                e.competence(), e.transferred(), e.delegated(), e.legalBasis(), serviceObject, e.handlingForms(),
                e.handlingKind(), e.legalLimitDays(), e.promisedLimitDays(), e.onsiteVisits(), e.specialProcedures(),
                e.free(), e.feeAmount(), e.feeBasis(), e.conditions(), e.materials(), e.flow(), e.questions(),
                e.serviceCommitment(), e.enquiryPhone(), e.complaintPhone(), e.online(), e.certificateFree(),
                e.cityWide(), e.crossProvince(), e.bundleMember(), mode, listVersion, basis, replacedBy, e.deferralRule(), e.commitmentCheck(), e.tongbanModes(),
                e.lifeEvents(),
                e.processKey(), e.licenceKind());
    }
}
