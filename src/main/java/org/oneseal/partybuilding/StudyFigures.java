package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study figures of the annual report, for any period of at most a year (from ≤ to; a period reaching beyond today
 * counts what is recorded so far):
 * <ul>
 *   <li>{@code party.centralStudy.sessions} (党组理论学习中心组集体学习次数): the party group's study sessions held in the
 *       period, exchanges included;</li>
 *   <li>{@code party.centralStudy.discussions} (交流研讨次数): those of them that were exchanges (交流研讨);</li>
 *   <li>{@code party.reflections.minPerPerson} (每人提交学习心得最少份数): the fewest reflections written in the period by a
 *       member who belonged to the bureau's party organisation on its first and on its last day (members who came or
 *       left during the period are not counted); null without such members;</li>
 *   <li>{@code party.studyPoints.leaderMax} (主要领导学习积分): the study points, over the months lying wholly in the
 *       period, of the party group's secretary (the bureau's principal leader); if the secretary changed during the
 *       period, the highest of theirs; null when none of them has points imported for these months.</li>
 * </ul>
 * Read by whoever sees the party group's study (the party group, the organ committee); others 403.
 */
@Service
public class StudyFigures {

    private final JdbcClient jdbc;
    private final StudyAccess access;
    private final StudyRules rules;
    private final PartyAccess partyAccess;

    StudyFigures(JdbcClient jdbc, StudyAccess access, StudyRules rules, PartyAccess partyAccess) {
        this.jdbc = jdbc;
        this.access = access;
        this.rules = rules;
        this.partyAccess = partyAccess;
    }

    /** The figures; the leader's points with who they are (for the drill-down). */
    public record Figures(LocalDate from, LocalDate to, long centralStudySessions, long centralStudyDiscussions,
                          Integer reflectionsMinPerPerson, int reflectionsMembersCounted, Integer studyPointsLeaderMax,
                          Long leaderMemberId, String leaderName) {

        /** The figures by their ids in the annual report (docs/annual-report-figures.md). */
        public Map<String, Object> byId() {
            var m = new java.util.LinkedHashMap<String, Object>();
            m.put("party.centralStudy.sessions", centralStudySessions);
            m.put("party.centralStudy.discussions", centralStudyDiscussions);
            m.put("party.reflections.minPerPerson", reflectionsMinPerPerson);
            m.put("party.studyPoints.leaderMax", studyPointsLeaderMax);
            return m;
        }
    }

    @Transactional(readOnly = true)
    public Figures figures(LocalDate from, LocalDate to) {
        partyAccess.staff();
        if (!access.seesGroupStudy()) {
            partyAccess.deny("party.study.figures", "PartyOrg", 0, "sees neither the party group nor the organ committee");
            throw new AccessDeniedException("party figures: the party group's or the organ committee's view");
        }
        rules.period(from, to);
        Map<String, Object> sessions = jdbc.sql("""
                select count(*) as sessions, count(*) filter (where kind = 'DISCUSSION') as discussions
                from oneseal.party_study_session where level = 'GROUP' and held_on between :from and :to""")
                .param("from", from).param("to", to).query().singleRow();
        Map<String, Object> reflections = jdbc.sql("""
                with present as (
                    select distinct a.member_id from oneseal.party_membership a join oneseal.party_membership b
                    on b.member_id = a.member_id
                    where a.since <= :from and (a.until is null or a.until >= :from)
                    and b.since <= :to and (b.until is null or b.until >= :to))
                select min((select count(*) from oneseal.party_reflection r where r.member_id = p.member_id
                    and r.written_on between :from and :to)) as fewest, count(*) as members from present p""")
                .param("from", from).param("to", to).query().singleRow();
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastMonth = to.plusDays(1).withDayOfMonth(1).minusMonths(1);
        var leader = jdbc.sql("""
                select m.id, m.name, sum(p.points) as points from oneseal.party_role r
                join oneseal.party_org o on o.id = r.org_id and o.kind = 'GROUP'
                join oneseal.party_member m on m.id = r.member_id
                join oneseal.party_study_points p on p.member_id = m.id and p.period between :first and :last
                where r.role = 'SECRETARY' and r.since <= :to and (r.until is null or r.until >= :from)
                group by m.id, m.name order by points desc, m.id limit 1""").param("first", firstMonth)
                .param("last", lastMonth).param("from", from).param("to", to).query().listOfRows().stream()
                .findFirst();
        Number fewest = (Number) reflections.get("fewest");
        return new Figures(from, to, ((Number) sessions.get("sessions")).longValue(),
                ((Number) sessions.get("discussions")).longValue(), fewest == null ? null : fewest.intValue(),
                ((Number) reflections.get("members")).intValue(),
                leader.map(l -> ((Number) l.get("points")).intValue()).orElse(null),
                leader.map(l -> ((Number) l.get("id")).longValue()).orElse(null),
                leader.map(l -> (String) l.get("name")).orElse(null));
    }
}
