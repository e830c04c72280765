package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL on {@code oneseal.case_deferred_material} (容缺材料). */
@Repository
class DeferredMaterials {

    private final JdbcClient jdbc;

    DeferredMaterials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long caseId, String code, String name, LocalDate dueOn, Instant at, String by) {
        jdbc.sql("""
                insert into oneseal.case_deferred_material (case_id, requirement_code, material_name, due_on,
                                                            committed_at, committed_by)
                values (:caseId, :code, :name, :due, :at, :by)""")
                .param("caseId", caseId).param("code", code).param("name", name)
                .param("due", dueOn).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** The deferred materials of a case, missing ones first. */
    List<DeferredMaterialView> of(long caseId) {
        return jdbc.sql("""
                select requirement_code, material_name, due_on, supplied_at, overdue_on, overdue_action
                from oneseal.case_deferred_material where case_id = :id
                order by supplied_at is not null, due_on, requirement_code""")
                .param("id", caseId)
                .query((rs, n) -> new DeferredMaterialView(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }

    void supplied(long caseId, String code, Instant at, String by) {
        jdbc.sql("""
                update oneseal.case_deferred_material set supplied_at = :at, supplied_by = :by
                where case_id = :id and requirement_code = :code and supplied_at is null""")
                .param("at", Timestamp.from(at)).param("by", by).param("id", caseId).param("code", code).update();
    }

    /** Whether an overdue deferral of this case stopped its clock (and it still stands stopped for that). */
    boolean clockStopped(long caseId) {
        return jdbc.sql("select exists (select 1 from oneseal.case_deferred_material where case_id = :id and clock_stopped)")
                .param("id", caseId).query(Boolean.class).single();
    }

    void clockRestarted(long caseId) {
        jdbc.sql("update oneseal.case_deferred_material set clock_stopped = false where case_id = :id")
                .param("id", caseId).update();
    }

    /** Missing materials due within the next days and not reminded yet, of cases still open: case ids. */
    List<Long> casesToRemind(LocalDate today, LocalDate until) {
        return jdbc.sql("""
                select distinct d.case_id from oneseal.case_deferred_material d
                join oneseal.case_file c on c.id = d.case_id
                where d.supplied_at is null and d.reminded_on is null and d.due_on >= :today and d.due_on <= :until
                  and c.concluded_on is null order by d.case_id""")
                .param("today", today).param("until", until).query(Long.class).list();
    }

    void reminded(long caseId, LocalDate today, LocalDate until) {
        jdbc.sql("""
                update oneseal.case_deferred_material set reminded_on = :today
                where case_id = :id and supplied_at is null and reminded_on is null and due_on <= :until""")
                .param("today", today).param("id", caseId).param("until", until).update();
    }

    /** Missing materials past their date, not acted on yet, of cases still open: case ids. */
    List<Long> casesOverdue(LocalDate today) {
        return jdbc.sql("""
                select distinct d.case_id from oneseal.case_deferred_material d
                join oneseal.case_file c on c.id = d.case_id
                where d.supplied_at is null and d.overdue_on is null and d.due_on < :today
                  and c.concluded_on is null and c.decided_on is null order by d.case_id""")
                .param("today", today).query(Long.class).list();
    }

    void overdue(long caseId, LocalDate today, String action, boolean clockStopped) {
        jdbc.sql("""
                update oneseal.case_deferred_material
                set overdue_on = :today, overdue_action = :action, clock_stopped = clock_stopped or :stopped
                where case_id = :id and supplied_at is null and overdue_on is null and due_on < :today""")
                .param("today", today).param("action", action).param("stopped", clockStopped).param("id", caseId)
                .update();
    }
}
