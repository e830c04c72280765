package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every party figure of the annual report (docs/annual-report-figures.md: {@code party.*}, {@code honours.*}) for a
 * period, in one answer — what the statistics module reads. Study figures come from {@link StudyFigures},
 * commendations, honours, assessment and volunteer duty from {@link RecognitionFigures}; the meetings' own:
 * <ul>
 *   <li>{@code party.lessons.bySecretaries} (各级党组织书记讲党课次数): party lessons in the period whose speaker was a
 *       secretary of a party organisation on the day;</li>
 *   <li>{@code party.lessons.branchPersonTimes} (支部讲党课人次): the attendances (present) at the branches' party
 *       lessons in the period;</li>
 *   <li>the meetings held per kind (三会一课 and organisational life), and the rectification items opened and closed.</li>
 * </ul>
 * Bureau-wide figures: read by whoever sees the organ committee (the party group, the committee); others 403.
 */
@Service
public class PartyFigures {

    private final JdbcClient jdbc;
    private final PartyFigureRecords figureRecords;
    private final StudyFigures study;
    private final RecognitionFigures recognition;

    PartyFigures(JdbcClient jdbc, PartyFigureRecords figureRecords, StudyFigures study,
            RecognitionFigures recognition) {
        this.jdbc = jdbc;
        this.figureRecords = figureRecords;
        this.study = study;
        this.recognition = recognition;
    }

    /** The figures of a period: by the annual report's ids, and the parts they come from. */
    public record Figures(LocalDate from, LocalDate to, Map<String, Object> byId, Map<String, Long> meetingsByKind,
                          long rectificationItemsOpened, long rectificationItemsClosed, StudyFigures.Figures study,
                          RecognitionFigures.Figures recognition) {
    }

    @Transactional(noRollbackFor = org.springframework.security.access.AccessDeniedException.class) // refusal: audited
    public Figures figures(LocalDate from, LocalDate to) {
        RecognitionFigures.Figures honours = recognition.figures(from, to); // checks access and the period
        StudyFigures.Figures studied = study.figures(from, to);
        Map<String, Long> byKind = new TreeMap<>();
        for (MeetingKind k : MeetingKind.values()) {
            byKind.put(k.name(), 0L);
        }
        jdbc.sql("select kind, count(*) from oneseal.party_meeting where held_on between :from and :to group by kind")
                .param("from", from).param("to", to).query(rs -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Object> lessons = figureRecords.aggregate(PartyFigureRecords.LESSONS, "true",
                "count(*) filter (where " + PartyFigureRecords.BY_SECRETARY + ") as by_secretaries, "
                        + "coalesce(sum(r.present), 0) as person_times", from, to);
        Map<String, Object> items = jdbc.sql("""
                select count(*) filter (where l.base_date between :from and :to) as opened,
                       count(*) filter (where i.closed_on between :from and :to) as closed
                from oneseal.party_rectification_item i join oneseal.party_rectification_list l on l.id = i.list_id""")
                .param("from", from).param("to", to).query().singleRow();
        Map<String, Object> ids = new LinkedHashMap<>(studied.byId());
        ids.put("party.lessons.bySecretaries", ((Number) lessons.get("by_secretaries")).longValue());
        ids.put("party.lessons.branchPersonTimes", ((Number) lessons.get("person_times")).longValue());
        ids.putAll(honours.byId());
        return new Figures(from, to, ids, byKind, ((Number) items.get("opened")).longValue(),
                ((Number) items.get("closed")).longValue(), studied, honours);
    }
}
