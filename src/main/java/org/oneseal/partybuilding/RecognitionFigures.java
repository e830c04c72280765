package org.oneseal.partybuilding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual-report figures of assessment, recognition and volunteer duty for a period, for the whole bureau (the
 * organisations under the organ committee): for whoever sees the organ committee (its members, the party group).
 * <ul>
 *   <li>{@code honours.external} 获评省级荣誉人数: members with an external honour of PROVINCIAL level received in the
 *       period (each member once); with the members and the organisations honoured per level.</li>
 *   <li>{@code honours.branches / .vanguardPosts / .partyWorkers / .members}: commendations awarded in the period.</li>
 *   <li>Volunteer duty: signed-in shifts of days in the period, the members who served them, their hours.</li>
 *   <li>Assessment: grades of the months that overlap the period, by grade; notices of those months published.</li>
 * </ul>
 */
@Service
public class RecognitionFigures {

    private final JdbcClient jdbc;
    private final PartyRecords records;

    RecognitionFigures(JdbcClient jdbc, PartyRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /** The figures of a period; {@link #byId()} gives them under the ids of the annual report. */
    public record Figures(LocalDate from, LocalDate to, long externalProvincialMembers,
                          Map<String, Long> externalMembersByLevel, Map<String, Long> externalOrgsByLevel,
                          long advancedBranches, long vanguardPosts, long outstandingPartyWorkers,
                          long outstandingMembers, long volunteerShifts, long volunteers, BigDecimal volunteerHours,
                          long assessments, Map<String, Long> assessmentsByGrade, long noticesPublished) {

        /** The figures under the annual report's ids (docs/annual-report-figures.md). */
        public Map<String, Number> byId() {
            Map<String, Number> ids = new LinkedHashMap<>();
            ids.put("honours.external", externalProvincialMembers);
            ids.put("honours.branches", advancedBranches);
            ids.put("honours.vanguardPosts", vanguardPosts);
            ids.put("honours.partyWorkers", outstandingPartyWorkers);
            ids.put("honours.members", outstandingMembers);
            ids.put("party.volunteer.hours", volunteerHours);
            ids.put("party.assessment.grades", assessments);
            return ids;
        }
    }

    @Transactional(noRollbackFor = {NotFoundException.class, AccessDeniedException.class}) // refusals: audited
    public Figures figures(LocalDate from, LocalDate to) {
        records.access().staff();
        long committee = records.organCommittee();
        if (!records.access().visibleOrgs().contains(committee)) {
            records.access().deny("party.figures.read", "PartyOrg", committee, "does not see the organ committee");
            throw new AccessDeniedException("party figures");
        }
        records.period(from, to);
        Map<String, Long> membersByLevel = byKey(ExternalHonours.LEVELS, """
                select level, count(distinct member_id) from oneseal.party_external_honour
                where member_id is not null and received_on between :from and :to group by level""", from, to);
        Map<String, Long> orgsByLevel = byKey(ExternalHonours.LEVELS, """
                select level, count(*) from oneseal.party_external_honour
                where org_id is not null and received_on between :from and :to group by level""", from, to);
        Map<String, Long> commendations = byKey(Commendations.KINDS, """
                select kind, count(*) from oneseal.party_commendation where awarded_on between :from and :to
                group by kind""", from, to);
        Map<String, Object> duty = jdbc.sql("""
                select count(*) as shifts, count(distinct d.member_id) as volunteers,
                       coalesce(sum(extract(epoch from s.ends_at - s.starts_at) / 60), 0) as minutes
                from oneseal.party_volunteer_duty d join oneseal.party_volunteer_shift s on s.id = d.shift_id
                where d.signed_in_at is not null and d.day between :from and :to""").param("from", from).param("to", to)
                .query().singleRow();
        LocalDate firstMonth = from.withDayOfMonth(1);
        Map<String, Long> grades = byKey(Assessments.GRADES, """
                select grade, count(*) from oneseal.party_assessment where month between :from and :to
                group by grade""", firstMonth, to);
        long notices = jdbc.sql("select count(*) from oneseal.party_assessment_notice where month between :from and :to")
                .param("from", firstMonth).param("to", to).query(Long.class).single();
        return new Figures(from, to, membersByLevel.get("PROVINCIAL"), membersByLevel, orgsByLevel,
                commendations.get("ADVANCED_BRANCH"), commendations.get("VANGUARD_POST"),
                commendations.get("OUTSTANDING_PARTY_WORKER"), commendations.get("OUTSTANDING_MEMBER"),
                ((Number) duty.get("shifts")).longValue(), ((Number) duty.get("volunteers")).longValue(),
                VolunteerDuty.hours(((Number) duty.get("minutes")).longValue()),
                grades.values().stream().mapToLong(Long::longValue).sum(), grades, notices);
    }

    /** Counts by key, every key present (0 when none). */
    private Map<String, Long> byKey(java.util.List<String> keys, String sql, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        jdbc.sql(sql).param("from", from).param("to", to).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
