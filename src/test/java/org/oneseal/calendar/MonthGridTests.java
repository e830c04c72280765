package org.oneseal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class MonthGridTests {

    @Test
    void laysOutAMonthMondayFirst() {
        // 2030-09-01 is a Sunday; 2030-09-30 a Monday.
        WorkingDayRule rule = TestYears.of(2030).holidays("2030-09-02", "2030-09-02", "测试节").rule();

        MonthGrid grid = MonthGrid.of(YearMonth.of(2030, 9), rule);

        assertThat(grid.weeks()).hasSize(6).allSatisfy(week -> assertThat(week).hasSize(7));
        List<CalendarDay> first = grid.weeks().getFirst();
        assertThat(first.subList(0, 6)).containsOnlyNulls();
        assertThat(first.get(6).date()).isEqualTo(LocalDate.of(2030, 9, 1));
        assertThat(grid.weeks().get(1).getFirst().kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(grid.weeks().getLast().getFirst().date()).isEqualTo(LocalDate.of(2030, 9, 30));
        assertThat(grid.weeks().stream().flatMap(List::stream).filter(Objects::nonNull)).hasSize(30);
    }
}
