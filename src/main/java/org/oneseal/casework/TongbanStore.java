package org.oneseal.casework;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL on {@code case_tongban} (全市通办 / 跨省通办). */
@Repository
class TongbanStore {

    private final JdbcClient jdbc;

    TongbanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long caseId, TongbanView t) {
        jdbc.sql("""
                insert into oneseal.case_tongban (case_id, mode, receiving_region_id, receiving_unit_id, receiving_staff,
                                                  deliver_at)
                values (:id, :mode, :region, :unit, :staff, :deliverAt)""")
                .param("id", caseId).param("mode", t.mode()).param("region", t.receivingRegionId())
                .param("unit", t.receivingUnitId()).param("staff", t.receivingStaff()).param("deliverAt", t.deliverAt())
                .update();
    }

    Optional<TongbanView> of(long caseId) {
        return jdbc.sql("""
                select mode, receiving_region_id, receiving_unit_id, receiving_staff, deliver_at
                from oneseal.case_tongban where case_id = :id""")
                .param("id", caseId)
                .query((rs, n) -> new TongbanView(rs.getString(1), (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5)))
                .optional();
    }
}
