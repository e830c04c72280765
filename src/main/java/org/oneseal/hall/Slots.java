package org.oneseal.hall;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading slots from result sets. */
final class Slots {

    private Slots() {
    }

    static Appointments.Slot slot(ResultSet rs, int row) throws SQLException {
        return new Appointments.Slot(rs.getLong("id"), rs.getLong("hall_id"), rs.getString("group_code"),
                (Long) rs.getObject("matter_id"), rs.getString("kind"), rs.getObject("day", java.time.LocalDate.class),
                rs.getObject("starts", java.time.LocalTime.class), rs.getObject("ends", java.time.LocalTime.class),
                rs.getInt("capacity"), rs.getInt("booked"));
    }

    /** A slot whose columns follow others ({@code s.*} after {@code first - 1} columns): its id is the column first. */
    static Appointments.Slot slotFrom(ResultSet rs, int first) throws SQLException {
        return new Appointments.Slot(rs.getLong(first), rs.getLong("hall_id"), rs.getString("group_code"),
                (Long) rs.getObject("matter_id"), rs.getString("kind"), rs.getObject("day", java.time.LocalDate.class),
                rs.getObject("starts", java.time.LocalTime.class), rs.getObject("ends", java.time.LocalTime.class),
                rs.getInt("capacity"), rs.getInt("booked"));
    }
}
