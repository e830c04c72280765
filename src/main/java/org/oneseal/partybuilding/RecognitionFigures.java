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
    private final PartyFigureRecords figureRecords;

    RecognitionFigures(JdbcClient jdbc, PartyRecords records, PartyFigureRecords figureRecords) {
        this.jdbc = jdbc;
        this.records = records;
        this.figureRecords = figureRecords;
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
        return compute(from, to);
    }

    /** The figures of a period, for whoever may read them (the caller checks; the statistics module has). */
    Figures compute(LocalDate from, LocalDate to) {
        Map<String, Long> membersByLevel = perKey(ExternalHonours.LEVELS, PartyFigureRecords.EXTERNAL_HONOURS, "level",
                from, to);
        Map<String, Long> orgsByLevel = byKey(ExternalHonours.LEVELS, """
                select level, count(*) from oneseal.party_external_honour
                where org_id is not null and received_on between :from and :to group by level""", from, to);
        Map<String, Long> commendations = perKey(Commendations.KINDS, PartyFigureRecords.COMMENDATIONS, "kind",
                from, to);
        Map<String, Object> duty = figureRecords.aggregate(PartyFigureRecords.VOLUNTEER_DUTY, "true",
                "count(*) as shifts, count(distinct r.member_id) as volunteers, "
                        + "coalesce(sum(r.minutes), 0) as minutes", from, to);
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

    /** Records of the figures counted by a key of theirs, every key present (0 when none). */
    private Map<String, Long> perKey(java.util.List<String> keys, String figureSql, String key, LocalDate from,
            LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        figureRecords.perKey(figureSql, key, "count(*)", from, to, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
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
