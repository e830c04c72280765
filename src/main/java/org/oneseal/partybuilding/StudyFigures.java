package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.Map;
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

    private final PartyFigureRecords records;
    private final StudyAccess access;
    private final StudyRules rules;
    private final PartyAccess partyAccess;

    StudyFigures(PartyFigureRecords records, StudyAccess access, StudyRules rules, PartyAccess partyAccess) {
        this.records = records;
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
        return compute(from, to);
    }

    /** The figures of a period, for whoever may read them (the caller checks; the statistics module has). */
    Figures compute(LocalDate from, LocalDate to) {
        Map<String, Object> sessions = records.aggregate(PartyFigureRecords.CENTRAL_STUDY, "true",
                "count(*) as sessions, count(*) filter (where " + PartyFigureRecords.DISCUSSION + ") as discussions",
                from, to);
        Map<String, Object> reflections = records.aggregate(PartyFigureRecords.REFLECTIONS, "true",
                "min(r.reflections) as fewest, count(*) as members", from, to);
        Map<String, Object> leader = records.aggregate(PartyFigureRecords.LEADER_POINTS, "true",
                "min(r.member_id) as id, min(r.member) as name, sum(r.points) as points", from, to);
        Number fewest = (Number) reflections.get("fewest");
        Number points = (Number) leader.get("points");
        return new Figures(from, to, ((Number) sessions.get("sessions")).longValue(),
                ((Number) sessions.get("discussions")).longValue(), fewest == null ? null : fewest.intValue(),
                ((Number) reflections.get("members")).intValue(), points == null ? null : points.intValue(),
                points == null ? null : ((Number) leader.get("id")).longValue(),
                points == null ? null : (String) leader.get("name"));
    }
}
