package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records behind the party figures of the annual report, one SQL each: a figure is an aggregate over its records
 * (perhaps narrowed by a condition on them), and its drill-down lists the same records. The facades
 * ({@link StudyFigures}, {@link RecognitionFigures}, {@link PartyFigures}) and the statistics' {@link PartyMetrics}
 * both compute from here, so a number and the list behind it never drift apart. No access check: the callers check.
 *
 * <p>Each record SQL takes {@code :from} and {@code :to}, the period's days (both included).
 */
@Component
class PartyFigureRecords {

    /** The party group's study sessions (党组理论学习中心组) held in the period; one record per session. */
    static final String CENTRAL_STUDY = """
            select s.id, s.held_on, s.topic, s.kind, s.first_agenda_item,
                   (select count(*) from oneseal.party_study_attendance a where a.session_id = s.id) as attendees
            from oneseal.party_study_session s where s.level = 'GROUP' and s.held_on between :from and :to""";
    /** Of those: the exchanges (交流研讨). */
    static final String DISCUSSION = "r.kind = 'DISCUSSION'";

    /** Party lessons (党课) held in the period, with their speaker and who was present; one record per lesson. */
    static final String LESSONS = """
            select m.id, m.held_on, m.topic, b.name as branch, coalesce(sp.name, m.speaker_name) as speaker,
                   m.speaker_secretary_of, sec.name as secretary_of,
                   (select count(*) from oneseal.party_meeting_attendance a where a.meeting_id = m.id and a.present)
                       as present
            from oneseal.party_meeting m join oneseal.party_org b on b.id = m.branch_id
            left join oneseal.party_member sp on sp.id = m.speaker_id
            left join oneseal.party_org sec on sec.id = m.speaker_secretary_of
            where m.kind = 'PARTY_LESSON' and m.held_on between :from and :to""";
    /** Of those: the lessons whose speaker was a secretary of a party organisation on the day. */
    static final String BY_SECRETARY = "r.speaker_secretary_of is not null";

    /**
     * The members who belonged to the bureau's tree on the period's first and on its last day, each with the
     * reflections (学习心得) they wrote in the period and their organisation on its last day; one record per member.
     */
    static final String REFLECTIONS = """
            with present as (
                select distinct a.member_id from oneseal.party_membership a join oneseal.party_membership b
                on b.member_id = a.member_id
                where a.since <= :from and (a.until is null or a.until >= :from)
                  and b.since <= :to and (b.until is null or b.until >= :to))
            select p.member_id, m.name as member,
                   (select o.name from oneseal.party_membership s join oneseal.party_org o on o.id = s.org_id
                    where s.member_id = p.member_id and s.since <= :to and (s.until is null or s.until >= :to)
                    order by s.since desc limit 1) as org,
                   (select count(*) from oneseal.party_reflection x where x.member_id = p.member_id
                    and x.written_on between :from and :to) as reflections
            from present p join oneseal.party_member m on m.id = p.member_id""";

    /**
     * The study points (学习强国) of the months lying wholly in the period of the party group's secretary (主要领导) —
     * of whoever held that role at some day of the period and has the highest total over these months; one record
     * per month. {@code :first}/{@code :last} are the first days of the first and the last whole month.
     */
    static final String LEADER_POINTS = """
            with points as (
                select p.member_id, m.name as member, p.period, p.points, o.name as org
                from oneseal.party_study_points p join oneseal.party_member m on m.id = p.member_id
                join oneseal.party_org o on o.id = p.org_id
                where p.period between :first and :last and exists (
                    select 1 from oneseal.party_role r join oneseal.party_org g on g.id = r.org_id and g.kind = 'GROUP'
                    where r.member_id = p.member_id and r.role = 'SECRETARY'
                      and r.since <= :to and (r.until is null or r.until >= :from))),
            leader as (select member_id from points group by member_id order by sum(points) desc, member_id limit 1)
            select p.* from points p join leader l on l.member_id = p.member_id""";

    /** Members honoured from outside (获评荣誉) in the period, once per level and member with their honours. */
    static final String EXTERNAL_HONOURS = """
            select h.level, h.member_id, m.name as member, min(h.received_on) as received_on, count(*) as honours,
                   string_agg(h.honour || '（' || h.awarding_body || '）', '；' order by h.received_on, h.id) as what
            from oneseal.party_external_honour h join oneseal.party_member m on m.id = h.member_id
            where h.received_on between :from and :to group by h.level, h.member_id, m.name""";

    /** Commendations (表彰) awarded in the period, of every kind; one record per commendation. */
    static final String COMMENDATIONS = """
            select c.id, c.kind, c.year, c.awarded_on, c.awarding_body, c.document_no, c.window_id,
                   coalesce(o.name, m.name) as awarded_to
            from oneseal.party_commendation c left join oneseal.party_org o on o.id = c.org_id
            left join oneseal.party_member m on m.id = c.member_id
            where c.awarded_on between :from and :to""";

    /** Volunteer shifts (志愿服务) of days in the period that were signed in (or recorded); one record per duty. */
    static final String VOLUNTEER_DUTY = """
            select d.id, d.day, d.member_id, m.name as member, s.name as shift, s.starts_at, s.ends_at,
                   ro.place, o.name as org, extract(epoch from s.ends_at - s.starts_at) / 60 as minutes
            from oneseal.party_volunteer_duty d join oneseal.party_volunteer_shift s on s.id = d.shift_id
            join oneseal.party_volunteer_roster ro on ro.id = s.roster_id
            join oneseal.party_member m on m.id = d.member_id join oneseal.party_org o on o.id = ro.org_id
            where d.signed_in_at is not null and d.day between :from and :to""";

    private final JdbcClient jdbc;

    PartyFigureRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row of aggregates ({@code select}, over the records as {@code r}) of the records that meet the condition.
     */
    Map<String, Object> aggregate(String records, String condition, String select, LocalDate from, LocalDate to) {
        return bind(jdbc.sql("select " + select + " from (" + records + ") r where " + condition), from, to)
                .query().singleRow();
    }

    /** Aggregates per key ({@code key} a column of the records), over every record. */
    void perKey(String records, String key, String select, LocalDate from, LocalDate to, RowCallbackHandler row) {
        bind(jdbc.sql("select r." + key + ", " + select + " from (" + records + ") r group by r." + key), from, to)
                .query(row);
    }

    /** The records that meet the condition, in the order given, from {@code offset}, at most {@code limit}. */
    void list(String records, String condition, String order, LocalDate from, LocalDate to, int offset, int limit,
            RowCallbackHandler row) {
        bind(jdbc.sql("select r.* from (" + records + ") r where " + condition + " order by " + order
                + " limit :limit offset :offset"), from, to).param("limit", limit).param("offset", offset).query(row);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, LocalDate from, LocalDate to) {
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastMonth = to.plusDays(1).withDayOfMonth(1).minusMonths(1);
        return spec.param("from", from).param("to", to).param("first", firstMonth).param("last", lastMonth);
    }
}
