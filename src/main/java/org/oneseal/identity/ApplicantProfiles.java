package org.oneseal.identity;

import java.time.LocalDate;
import java.util.List;
import org.oneseal.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An applicant's own profile and, for enterprises, the people allowed to act for it (masked). */
@Component
class ApplicantProfiles {

    private final JdbcClient jdbc;

    ApplicantProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Profile of(long accountId) {
        return jdbc.sql("""
                select a.kind, a.username, coalesce(p.real_name, e.name) as name,
                       coalesce(p.id_card_number, e.credit_code) as identifier, p.phone, e.legal_representative
                from oneseal.account a
                left join oneseal.person p on p.account_id = a.id
                left join oneseal.enterprise e on e.account_id = a.id
                where a.id = :id""").param("id", accountId)
                .query((rs, n) -> {
                    AccountKind kind = AccountKind.valueOf(rs.getString("kind"));
                    String id = rs.getString("identifier");
                    return new Profile(kind, rs.getString("username"), rs.getString("name"),
                            kind == AccountKind.PERSON ? Masking.middle(id, 4, 4) : id,
                            Masking.phone(rs.getString("phone")), rs.getString("legal_representative"));
                }).single();
    }

    @Transactional(readOnly = true)
    List<Agent> agents(long enterpriseId) {
        return jdbc.sql("""
                select id, real_name, id_card_number, role, valid_until from oneseal.enterprise_agent
                where enterprise_id = :id and revoked_at is null order by id""").param("id", enterpriseId)
                .query((rs, n) -> new Agent(rs.getLong("id"), rs.getString("real_name"), Masking.middle(rs.getString("id_card_number"), 4, 4),
                        rs.getString("role"), rs.getObject("valid_until", LocalDate.class))).list();
    }

    record Profile(AccountKind kind, String username, String name, String identifier, String phone,
                   String legalRepresentative) {
    }

    record Agent(long id, String name, String idCard, String role, LocalDate validUntil) {
    }
}
