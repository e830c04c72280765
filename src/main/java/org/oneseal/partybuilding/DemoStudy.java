package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only, after the demo organisation ({@link DemoParty}): a few weeks of study — two central study group
 * sessions (one an exchange) with the organ committee's members invited, a branch study of 第一党支部, a reading list
 * of 第二党支部 that {@code window01} has yet to confirm, and a reflection of {@code window01}. Loaded once.
 */
@Component
@ConditionalOnProperty(name = "oneseal.demo.enabled", havingValue = "true")
@Order(51)
class DemoStudy implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoStudy(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from oneseal.party_study_session)").query(Boolean.class).single()
                || !jdbc.sql("select exists (select 1 from oneseal.party_org where kind = 'GROUP')").query(Boolean.class)
                        .single()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        tx.executeWithoutResult(s -> {
            long group = org("中共示范市行政审批局党组");
            long first = org("第一党支部");
            long second = org("第二党支部");
            long leader = member("局长");
            long chief = member("市场准入科科长");
            long deputy = member("机关党委专职副书记");
            long session = session(group, "GROUP", "SESSION", today.minusDays(40),
                    "学习贯彻习近平总书记最新重要讲话精神", "习近平总书记最新重要讲话\n中央有关文件", true);
            attend(session, leader, false, true);
            attend(session, chief, true, true);
            attend(session, deputy, true, false);
            long exchange = session(group, "GROUP", "DISCUSSION", today.minusDays(12), "优化营商环境专题交流研讨",
                    "关于优化营商环境的有关文件", false);
            attend(exchange, leader, false, true);
            attend(exchange, chief, true, true);
            long branch = session(first, "BRANCH", "SESSION", today.minusDays(20), "支部月度学习：党纪学习教育",
                    "《中国共产党纪律处分条例》", true);
            for (String name : List.of("第一党支部书记", "市场准入科科长", "李强", "王芳")) {
                attend(branch, member(name), false, "第一党支部书记".equals(name));
            }
            long list = jdbc.sql("""
                    insert into oneseal.party_reading_list (org_id, title, issued_on, titles, recorded_by, recorded_at)
                    values (:o, '年度学习书目', :d, :t, 'demo', :at) returning id""").param("o", second)
                    .param("d", today.minusDays(30)).param("t", "《习近平谈治国理政》第五卷\n《中国共产党章程》")
                    .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
            for (String name : List.of("党务干事", "窗口人员", "陈静", "赵磊")) {
                jdbc.sql("insert into oneseal.party_reading_receipt (list_id, member_id) values (:l, :m)")
                        .param("l", list).param("m", member(name)).update();
            }
            jdbc.sql("""
                    insert into oneseal.party_reflection (member_id, written_on, title, body, by_member, recorded_by, recorded_at)
                    values (:m, :d, '窗口服务中践行为民宗旨的体会', '从群众办事的难点出发改进窗口服务。', true, 'window01', :at)""")
                    .param("m", member("窗口人员")).param("d", today.minusDays(10))
                    .param("at", Timestamp.from(clock.instant())).update();
        });
    }

    private long org(String prefix) {
        return jdbc.sql("select id from oneseal.party_org where name like :n").param("n", prefix + "%")
                .query(Long.class).single();
    }

    private long member(String name) {
        return jdbc.sql("select id from oneseal.party_member where name = :n order by id limit 1").param("n", name)
                .query(Long.class).single();
    }

    private long session(long org, String level, String kind, LocalDate day, String topic, String documents,
            boolean first) {
        return jdbc.sql("""
                insert into oneseal.party_study_session (org_id, level, kind, held_on, topic, documents, first_agenda_item,
                    recorded_by, recorded_at) values (:o, :l, :k, :d, :t, :docs, :f, 'demo', :at) returning id""")
                .param("o", org).param("l", level).param("k", kind).param("d", day).param("t", topic)
                .param("docs", documents).param("f", first).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    private void attend(long session, long member, boolean invited, boolean spoke) {
        jdbc.sql("""
                insert into oneseal.party_study_attendance (session_id, member_id, invited, spoke)
                values (:s, :m, :i, :sp)""").param("s", session).param("m", member).param("i", invited)
                .param("sp", spoke).update();
    }
}
