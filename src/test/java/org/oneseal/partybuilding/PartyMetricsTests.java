package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The party figures for the statistics, computed without anyone signed in, on records of 2033 (no other test uses
 * that year): two branches of its own with members, lessons, committee meetings and themed party days, the party
 * group's study sessions, reflections, the principal leader's points, honours, commendations and volunteer shifts —
 * every figure against values worked out by hand for the year, its first half and shorter periods, and every
 * figure's records as many as its value says.
 */
@IntegrationTest
class PartyMetricsTests extends PartyRecordsTestSupport {

    @Autowired PartyMetrics metrics;

    long a1;
    long a2;
    long a3;
    long b1;
    long branchA;
    long branchB;

    @AfterEach
    void noLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyPartyFigureOf2033() throws Exception {
        build();
        SecurityContextHolder.clearContext();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        long leader = groupSecretary();
        Set<Long> present = presentThroughout("2033-01-01", "2033-12-31");
        assertThat(present).contains(a1, a2, a3, b1, leader);

        MetricQuery year = period("2033-01-01", "2033-12-31");
        expect(year, Map.ofEntries(
                Map.entry("party.centralStudy.sessions", MetricValue.count(3)),
                Map.entry("party.centralStudy.discussions", MetricValue.count(1)),
                Map.entry("party.lessons.bySecretaries", MetricValue.count(1)),
                Map.entry("party.lessons.branchPersonTimes", MetricValue.amount(BigDecimal.valueOf(7), 3)),
                Map.entry("party.reflections.minPerPerson", MetricValue.amount(BigDecimal.valueOf(2), present.size())),
                Map.entry("party.studyPoints.leaderMax", MetricValue.amount(BigDecimal.valueOf(1000), 4)),
                Map.entry("honours.external", MetricValue.count(2)),
                Map.entry("honours.branches", MetricValue.count(2)),
                Map.entry("honours.vanguardPosts", MetricValue.count(1)),
                Map.entry("honours.partyWorkers", MetricValue.count(1)),
                Map.entry("honours.members", MetricValue.count(2)),
                Map.entry("party.volunteer.hours", MetricValue.amount(BigDecimal.valueOf(630), 3))));

        MetricQuery half = period("2033-01-01", "2033-06-30");
        expect(half, Map.ofEntries(
                Map.entry("party.centralStudy.sessions", MetricValue.count(2)),
                Map.entry("party.centralStudy.discussions", MetricValue.count(1)),
                Map.entry("party.lessons.bySecretaries", MetricValue.count(1)),
                Map.entry("party.lessons.branchPersonTimes", MetricValue.amount(BigDecimal.valueOf(5), 2)),
                Map.entry("party.reflections.minPerPerson", MetricValue.amount(BigDecimal.valueOf(2),
                        presentThroughout("2033-01-01", "2033-06-30").size())),
                Map.entry("party.studyPoints.leaderMax", MetricValue.amount(BigDecimal.valueOf(600), 3)),
                Map.entry("honours.external", MetricValue.count(2)),
                Map.entry("honours.branches", MetricValue.count(1)),
                Map.entry("honours.vanguardPosts", MetricValue.count(1)),
                Map.entry("honours.partyWorkers", MetricValue.count(1)),
                Map.entry("honours.members", MetricValue.count(1)),
                Map.entry("party.volunteer.hours", MetricValue.amount(BigDecimal.valueOf(420), 2))));

        // the records, cell by cell
        assertThat(rows("party.centralStudy.sessions", half)).containsExactly(
                List.of(LocalDate.of(2033, 2, 10), "中心组学习一", "集体学习", true, 1L),
                List.of(LocalDate.of(2033, 5, 12), "中心组研讨", "交流研讨", true, 1L));
        assertThat(rows("party.lessons.branchPersonTimes", year)).extracting(r -> r.get(3) + ":" + r.get(5))
                .containsExactly("统计甲:3", "市委党校王老师:2", "统计丁:2");
        assertThat(rows("party.lessons.bySecretaries", year)).containsExactly(List.of(LocalDate.of(2033, 3, 15),
                "统计口径第一支部", "书记讲党课", "统计甲", "统计口径第一支部", 3L));
        assertThat(rows("party.reflections.minPerPerson", half).getFirst()).isEqualTo(
                List.of("统计丙", "统计口径第一支部", 2L));
        assertThat(rows("party.studyPoints.leaderMax", half)).extracting(r -> r.get(0) + "=" + r.get(3))
                .containsExactly("2033-01=100", "2033-02=200", "2033-03=300");
        assertThat(rows("honours.external", year)).extracting(r -> r.get(1) + " " + r.get(2)).containsExactly(
                "统计甲 省优秀共产党员（省委组织部）；省岗位能手（省总工会）", "统计乙 省三八红旗手（省妇联）");
        String window = jdbc.sql("select name from oneseal.org_unit where code = 'SF-CK01'").query(String.class)
                .single();
        assertThat(rows("honours.vanguardPosts", year)).containsExactly(List.of(LocalDate.of(2033, 6, 30), 2033,
                "统计乙", window, "机关党委", "党委〔2033〕3号"));
        assertThat(rows("party.volunteer.hours", year)).extracting(r -> r.get(1) + " " + r.get(2) + " " + r.get(5))
                .containsExactly("上午 08:30–12:00 统计甲 210", "下午 14:00–17:30 统计乙 210",
                        "下午 14:00–17:30 统计丙 210");

        // shorter periods: a quarter's whole months only; no whole month, no points; a period without members
        assertThat(metrics.compute(List.of("party.studyPoints.leaderMax"), period("2033-01-15", "2033-03-31")))
                .containsEntry("party.studyPoints.leaderMax", MetricValue.amount(BigDecimal.valueOf(500), 2));
        assertThat(metrics.compute(List.of("party.studyPoints.leaderMax"), period("2033-02-10", "2033-02-20")))
                .containsEntry("party.studyPoints.leaderMax", MetricValue.missing("party.metric.reason.noPoints", 0));
        assertThat(metrics.compute(List.of("party.reflections.minPerPerson"), period("1901-01-01", "1901-12-31")))
                .containsEntry("party.reflections.minPerPerson",
                        MetricValue.missing("party.metric.reason.noMembers", 0));
        assertThat(metrics.compute(List.of("honours.external"), period("2033-07-01", "2033-12-31")))
                .containsEntry("honours.external", MetricValue.count(1));

        // 三会一课 in March: the first branch held its committee meeting and themed party day, the second only the
        // meeting; no other branch held anything in 2033, and every branch that existed all March counts
        MetricQuery march = period("2033-03-01", "2033-03-31");
        long branches = jdbc.sql("""
                select count(*) from oneseal.party_org where kind = 'BRANCH' and founded_on <= '2033-03-01'
                and (dissolved_on is null or dissolved_on >= '2033-03-31')""").query(Long.class).single();
        expect(march, Map.of("party.compliance.rate", MetricValue.rate(1, branches, branches, null)));
        List<List<Object>> compliance = rows("party.compliance.rate", march);
        assertThat(compliance).contains(List.of("统计口径第一支部", 2, 2, true, ""),
                List.of("统计口径第二支部", 2, 1, false, "主题党日 2033-03"));
        assertThat(compliance).filteredOn(r -> r.get(3).equals(true)).hasSize(1);
        // a period with no whole month (or quarter, or year) has no window to keep
        expect(period("2033-03-05", "2033-03-20"), Map.of("party.compliance.rate",
                MetricValue.rate(0, 0, 0, "party.metric.reason.noWindow")));
    }

    @Test
    void everyFigureIsTheBureausWithoutABreakdown() {
        assertThat(metrics.definitions()).extracting(MetricDefinition::id).containsExactlyInAnyOrder(
                "party.centralStudy.sessions", "party.centralStudy.discussions", "party.lessons.bySecretaries",
                "party.lessons.branchPersonTimes", "party.reflections.minPerPerson", "party.studyPoints.leaderMax",
                "honours.external", "honours.branches", "honours.vanguardPosts", "honours.partyWorkers",
                "honours.members", "party.volunteer.hours", "party.compliance.rate");
        assertThat(metrics.definitions()).allMatch(d -> !d.regional() && d.kind() == MetricKind.FLOW
                && d.dimensions().isEmpty() && d.module().equals("partybuilding"));
        MetricQuery department = new MetricQuery(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31), Set.of(1L),
                true, 5L, null, null);
        assertThatThrownBy(() -> metrics.compute(List.of("honours.members"), department))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.compute(List.of("party.unknown"), period("2033-01-01", "2033-01-31")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** The figures as expected, each with as many records as it says. */
    private void expect(MetricQuery query, Map<String, MetricValue> expected) {
        Map<String, MetricValue> values = metrics.compute(expected.keySet(), query);
        assertThat(values).isEqualTo(expected);
        values.forEach((id, v) -> assertThat(rows(id, query)).as("records of %s", id).hasSize((int) v.records()));
    }

    private List<List<Object>> rows(String id, MetricQuery query) {
        List<List<Object>> rows = new ArrayList<>();
        metrics.records(id, query, 0, Integer.MAX_VALUE, rows::add);
        rows.forEach(r -> assertThat(r).hasSameSizeAs(metrics.recordColumns(id)));
        List<List<Object>> paged = new ArrayList<>();
        metrics.records(id, query, 1, 2, paged::add);
        assertThat(paged).isEqualTo(rows.subList(Math.min(1, rows.size()), Math.min(3, rows.size())));
        return rows;
    }

    private static MetricQuery period(String from, String to) {
        return new MetricQuery(LocalDate.parse(from), LocalDate.parse(to), Set.of(1L), true, null, null, null);
    }

    private Set<Long> presentThroughout(String from, String to) {
        return Set.copyOf(jdbc.sql("""
                select distinct a.member_id from oneseal.party_membership a join oneseal.party_membership b
                on b.member_id = a.member_id where a.since <= cast(? as date)
                and (a.until is null or a.until >= cast(? as date)) and b.since <= cast(? as date)
                and (b.until is null or b.until >= cast(? as date))""").params(from, from, to, to)
                .query(Long.class).list());
    }

    private long groupSecretary() {
        return jdbc.sql("""
                select r.member_id from oneseal.party_role r join oneseal.party_org g on g.id = r.org_id
                where g.kind = 'GROUP' and r.role = 'SECRETARY' and r.since <= '2033-01-01' and r.until is null""")
                .query(Long.class).single();
    }

    // ------------------------------------------------------------------------------------------------ 2033

    private void build() throws Exception {
        clock.travelTo(LocalDate.of(2034, 1, 20));
        PartyFixture f = new PartyFixture(mvc, jdbc, users);
        branchA = f.branch("统计口径第一支部", "2033-01-01");
        branchB = f.branch("统计口径第二支部", "2033-01-01");
        a1 = f.admit(branchA, "统计甲", "2033-01-01");
        a2 = f.admit(branchA, "统计乙", "2033-01-01");
        a3 = f.admit(branchA, "统计丙", "2033-01-01");
        b1 = f.admit(branchB, "统计丁", "2033-01-01");
        long b2 = f.admit(branchB, "统计戊", "2033-01-01");
        f.role(a1, branchA, "SECRETARY", "2033-01-01");

        // the party group's central study: two sessions and an exchange
        long group = org("中共示范市行政审批局党组");
        long leader = groupSecretary();
        for (String[] s : List.of(new String[] {"SESSION", "2033-02-10", "中心组学习一"},
                new String[] {"DISCUSSION", "2033-05-12", "中心组研讨"},
                new String[] {"SESSION", "2033-09-08", "中心组学习二"})) {
            postJson("/api/v1/party/orgs/" + group + "/study-sessions", "party02", """
                    {"kind":"%s","heldOn":"%s","topic":"%s","firstAgendaItem":true,"attendees":[%d]}"""
                    .formatted(s[0], s[1], s[2], leader)).andExpect(status().isCreated());
        }
        // lessons: by the first branch's secretary (3 present), by a guest (2), by a member of the second (2)
        f.recorded(branchA, PartyFixture.meeting("PARTY_LESSON", "2033-03-15", "书记讲党课", List.of(a1, a2, a3),
                ",\"speakerId\":" + a1));
        f.recorded(branchA, PartyFixture.meeting("PARTY_LESSON", "2033-04-20", "专题党课", List.of(a2, a3),
                ",\"speakerName\":\"市委党校王老师\""));
        f.recorded(branchB, PartyFixture.meeting("PARTY_LESSON", "2033-08-10", "党员讲党课", List.of(b1, b2),
                ",\"speakerId\":" + b1));
        // March: the first branch holds its committee meeting and a themed party day, the second the meeting only
        f.recorded(branchA, PartyFixture.meeting("BRANCH_COMMITTEE_MEETING", "2033-03-10", "支委会", List.of(a1, a2),
                ""));
        f.recorded(branchA, PartyFixture.meeting("THEMED_PARTY_DAY", "2033-03-20", "主题党日", List.of(a1, a2, a3),
                ""));
        f.recorded(branchB, PartyFixture.meeting("BRANCH_COMMITTEE_MEETING", "2033-03-11", "支委会", List.of(b1), ""));

        Timestamp now = Timestamp.from(Instant.now());
        // reflections in February: three by every member there all the first half, two by 统计丙
        for (long m : presentThroughout("2033-01-01", "2033-06-30")) {
            int n = m == a3 ? 2 : 3;
            jdbc.sql("""
                    insert into oneseal.party_reflection (member_id, written_on, title, body, by_member, recorded_by,
                        recorded_at)
                    select ?, date '2033-02-01' + g, '心得', '正文', true, 'test', ? from generate_series(1, ?) g""")
                    .params(m, now, n).update();
        }
        // the leader's points: January to March and July; a member who is not the secretary has more
        long batch = jdbc.sql("""
                insert into oneseal.party_points_import (org_id, file_name, periods, row_count, replaced, imported_by,
                    imported_at) values (?, 'points.csv', '2033', 5, 0, 'test', ?) returning id""")
                .params(branchA, now).query(Long.class).single();
        for (Object[] p : List.of(new Object[] {leader, "2033-01-01", 100}, new Object[] {leader, "2033-02-01", 200},
                new Object[] {leader, "2033-03-01", 300}, new Object[] {leader, "2033-07-01", 400},
                new Object[] {a2, "2033-02-01", 9999})) {
            jdbc.sql("""
                    insert into oneseal.party_study_points (member_id, period, points, org_id, import_id)
                    values (?, cast(? as date), ?, ?, ?)""").params(p[0], p[1], p[2], branchA, batch).update();
        }
        // external honours: 统计甲 twice, 统计乙 once at provincial level; a city honour; an organisation's
        honour(a1, null, "省优秀共产党员", "PROVINCIAL", "省委组织部", "2033-03-01", now);
        honour(a1, null, "省岗位能手", "PROVINCIAL", "省总工会", "2033-09-01", now);
        honour(a2, null, "省三八红旗手", "PROVINCIAL", "省妇联", "2033-05-05", now);
        honour(b1, null, "市青年岗位能手", "CITY", "团市委", "2033-04-04", now);
        honour(null, branchA, "省先进基层党组织", "PROVINCIAL", "省委", "2033-06-01", now);
        // commendations, counted by the day awarded (the first is for 2032)
        commendation("ADVANCED_BRANCH", 2032, "2033-01-20", branchA, null, null, "党委〔2033〕1号", now);
        commendation("ADVANCED_BRANCH", 2033, "2033-07-01", branchB, null, null, "党委〔2033〕2号", now);
        commendation("VANGUARD_POST", 2033, "2033-06-30", null, a2, unit("SF-CK01"), "党委〔2033〕3号", now);
        commendation("OUTSTANDING_PARTY_WORKER", 2033, "2033-06-30", null, a1, null, "党委〔2033〕4号", now);
        commendation("OUTSTANDING_MEMBER", 2033, "2033-06-30", null, a3, null, "党委〔2033〕5号", now);
        commendation("OUTSTANDING_MEMBER", 2033, "2033-12-31", null, b1, null, "党委〔2033〕6号", now);
        // volunteer shifts of 3½ hours: three signed in, one not
        long roster = jdbc.sql("""
                insert into oneseal.party_volunteer_roster (org_id, place, place_kind, starts_on, ends_on, created_by,
                    created_at) values (?, '政务服务大厅', 'HALL', '2033-01-01', '2033-12-31', 'test', ?) returning id""")
                .params(branchA, now).query(Long.class).single();
        long morning = shift(roster, "上午", "08:30", "12:00");
        long afternoon = shift(roster, "下午", "14:00", "17:30");
        duty(morning, "2033-03-05", a1, now);
        duty(afternoon, "2033-03-05", a2, now);
        duty(morning, "2033-03-06", a3, null);
        duty(afternoon, "2033-08-08", a3, now);
    }

    private void honour(Long member, Long org, String honour, String level, String body, String on, Timestamp now) {
        jdbc.sql("""
                insert into oneseal.party_external_honour (member_id, org_id, honour, level, awarding_body, received_on,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, cast(? as date), 'test', ?)""")
                .params(member, org, honour, level, body, on, now).update();
    }

    private void commendation(String kind, int year, String on, Long org, Long member, Long window, String number,
            Timestamp now) {
        jdbc.sql("""
                insert into oneseal.party_commendation (kind, year, awarded_on, awarding_body, document_no, org_id,
                    member_id, window_id, recorded_by, recorded_at)
                values (?, ?, cast(? as date), '机关党委', ?, ?, ?, ?, 'test', ?)""")
                .params(kind, year, on, number, org, member, window, now).update();
    }

    private long shift(long roster, String name, String start, String end) {
        return jdbc.sql("""
                insert into oneseal.party_volunteer_shift (roster_id, name, starts_at, ends_at)
                values (?, ?, cast(? as time), cast(? as time)) returning id""").params(roster, name, start, end)
                .query(Long.class).single();
    }

    private void duty(long shift, String day, long member, Timestamp signedIn) {
        jdbc.sql("""
                insert into oneseal.party_volunteer_duty (shift_id, day, member_id, assigned_by, assigned_at,
                    signed_in_at, signed_in_by) values (?, cast(? as date), ?, 'test', now(), ?, ?)""")
                .params(shift, day, member, signedIn, signedIn == null ? null : "test").update();
    }
}
