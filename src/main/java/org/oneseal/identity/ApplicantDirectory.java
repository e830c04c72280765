package org.oneseal.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up applicants (persons, enterprises) for the modules that serve them. */
@Service
public class ApplicantDirectory {

    private static final String PROFILE = """
            select a.id, a.kind, coalesce(p.real_name, e.name) as name,
                   coalesce(p.id_card_number, e.credit_code) as identifier, p.phone
            from oneseal.account a
            left join oneseal.person p on p.account_id = a.id
            left join oneseal.enterprise e on e.account_id = a.id
            where a.kind in ('PERSON', 'ENTERPRISE') and\s""";

    private final JdbcClient jdbc;

    ApplicantDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<ApplicantProfile> profile(long accountId) {
        return jdbc.sql(PROFILE + "a.id = :id").param("id", accountId)
                .query((rs, n) -> new ApplicantProfile(rs.getLong("id"), AccountKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("identifier"), rs.getString("phone")))
                .optional();
    }

    /**
     * The profiles of many applicant accounts by id, in one statement (for lists of records naming many applicants);
     * an id that is no applicant account is left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, ApplicantProfile> profiles(Collection<Long> accountIds) {
        Map<Long, ApplicantProfile> profiles = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql(PROFILE + "a.id = any(:ids)").param("ids", accountIds.stream().distinct().toArray(Long[]::new))
                    .query(rs -> {
                        profiles.put(rs.getLong("id"), new ApplicantProfile(rs.getLong("id"),
                                AccountKind.valueOf(rs.getString("kind")), rs.getString("name"),
                                rs.getString("identifier"), rs.getString("phone")));
                    });
        }
        return profiles;
    }

    /** An applicant account by its ID card number or credit code (window intake). */
    @Transactional(readOnly = true)
    public Optional<ApplicantProfile> byIdentifier(String identifier) {
        Long id = jdbc.sql("""
                select account_id from oneseal.person where id_card_number = :i
                union all select account_id from oneseal.enterprise where credit_code = :i""")
                .param("i", identifier == null ? "" : identifier.strip().toUpperCase(java.util.Locale.ROOT))
                .query(Long.class).optional().orElse(null);
        return id == null ? Optional.empty() : profile(id);
    }
}
