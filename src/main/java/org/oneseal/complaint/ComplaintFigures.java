package org.oneseal.complaint;

import java.time.LocalDate;
import java.util.List;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办不成事 figures for the statistics and the annual report: complaints received in a period, resolved, explained and
 * pending, by cause and region, in the caller's scope.
 */
@Service
public class ComplaintFigures {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ComplaintMessages messages;

    ComplaintFigures(JdbcClient jdbc, CurrentUser currentUser, ComplaintMessages messages) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** One line: a region and a cause (category), with its counts. */
    public record Row(long regionId, String category, long received, long resolved, long explained, long pending,
                      long overdue) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('complaint:read', 'complaint:manage')")
    public List<Row> figures(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusYears(1))) {
            throw InvalidInputException.of("to", messages.text("complaint.figures.period"));
        }
        DataScope scope = currentUser.scope();
        return scope.bind(jdbc.sql("""
                        select region_id, category, count(*) received,
                               count(*) filter (where outcome = 'RESOLVED') resolved,
                               count(*) filter (where outcome = 'EXPLAINED') explained,
                               count(*) filter (where outcome is null) pending,
                               count(*) filter (where escalated_at is not null) overdue
                        from oneseal.complaint
                        where received_at >= (cast(:from as date))::timestamp at time zone 'Asia/Shanghai'
                          and received_at < (cast(:to as date) + 1)::timestamp at time zone 'Asia/Shanghai'
                          and""" + " " + scope.condition("region_id") + " group by region_id, category order by region_id, category"))
                .param("from", from).param("to", to)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7))).list();
    }
}
