package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Due dates over the shipped calendar, counted by hand around National Day and Spring Festival with
 * their make-up working days (the day of acceptance itself is not counted).
 */
@IntegrationTest
class CaseClockTests {

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void nationalDay2025CountsTheMakeUpSundayAndSkipsTheEightDayHoliday() {
        CaseClock clock = CaseClock.notStarted(5, 20).start(LocalDate.of(2025, 9, 26));
        LocalDate today = LocalDate.of(2025, 9, 26);
        // 9/28 (Sun, make-up) 1, 9/29 2, 9/30 3, [10/1-10/8 holiday], 10/9 4, 10/10 5
        assertThat(clock.promisedDue(today, calendar)).isEqualTo(LocalDate.of(2025, 10, 10));
        // ... 10/11 (Sat, make-up) 6, 10/13 7 ... 10/30 20
        assertThat(clock.legalDue(today, calendar)).isEqualTo(LocalDate.of(2025, 10, 30));
    }

    @Test
    void springFestival2024SkipsTheHolidayAndCountsTheMakeUpSunday() {
        CaseClock clock = CaseClock.notStarted(3, 20).start(LocalDate.of(2024, 2, 8));
        // 2/9 1, [2/10-2/17 holiday], 2/18 (Sun, make-up) 2, 2/19 3
        assertThat(clock.promisedDue(LocalDate.of(2024, 2, 8), calendar)).isEqualTo(LocalDate.of(2024, 2, 19));
    }

    @Test
    void springFestival2026WithTheOneExtensionOfTenWorkingDays() {
        CaseClock clock = CaseClock.notStarted(5, 20).start(LocalDate.of(2026, 2, 12));
        LocalDate today = LocalDate.of(2026, 2, 12);
        // 2/13 1, 2/14 (Sat, make-up) 2, [2/15-2/23 holiday], 2/24 3, 2/25 4, 2/26 5
        assertThat(clock.promisedDue(today, calendar)).isEqualTo(LocalDate.of(2026, 2, 26));
        CaseClock extended = clock.extend();
        // 2/27 6, 2/28 (Sat, make-up) 7, 3/2 8, 3/3 9, 3/4 10, 3/5 11, 3/6 12, 3/9 13, 3/10 14, 3/11 15
        assertThat(extended.promisedDue(today, calendar)).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThatThrownBy(extended::extend).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCorrectionWaitPausesTheClockAndTheDueDateMovesByThePausedWorkingDays() {
        CaseClock clock = CaseClock.notStarted(5, 20).start(LocalDate.of(2026, 2, 12))
                .pause(LocalDate.of(2026, 2, 13));
        assertThat(clock.urgency(LocalDate.of(2026, 2, 20), calendar)).isEqualTo(CaseClock.Urgency.PAUSED);
        CaseClock resumed = clock.resume(LocalDate.of(2026, 2, 25), calendar);
        // paused working days in (2/13, 2/25]: 2/14 (make-up), 2/24, 2/25 = 3
        assertThat(resumed.pausedDays()).isEqualTo(3);
        // 8 working days after 2/12: 2/13, 2/14, 2/24, 2/25, 2/26, 2/27, 2/28 (make-up), 3/2
        assertThat(resumed.promisedDue(LocalDate.of(2026, 2, 25), calendar)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(resumed.elapsed(LocalDate.of(2026, 2, 26), calendar)).isEqualTo(2);
    }

    @Test
    void warningAtEightyPercentOfThePromisedLimitThenOverdue() {
        CaseClock clock = CaseClock.notStarted(5, 20).start(LocalDate.of(2026, 2, 12));
        assertThat(clock.urgency(LocalDate.of(2026, 2, 24), calendar)).isEqualTo(CaseClock.Urgency.NORMAL);
        assertThat(clock.urgency(LocalDate.of(2026, 2, 25), calendar)).isEqualTo(CaseClock.Urgency.WARNING);
        assertThat(clock.urgency(LocalDate.of(2026, 2, 26), calendar)).isEqualTo(CaseClock.Urgency.WARNING);
        assertThat(clock.urgency(LocalDate.of(2026, 2, 27), calendar)).isEqualTo(CaseClock.Urgency.OVERDUE);
    }

    @Test
    void lateAgainstTheLegalLimitAndThreeTimesLate() {
        CaseClock clock = CaseClock.notStarted(5, 20).start(LocalDate.of(2025, 9, 26));
        assertThat(clock.lateAgainstLegal(LocalDate.of(2025, 10, 30), calendar)).isFalse();
        assertThat(clock.lateAgainstLegal(LocalDate.of(2025, 10, 31), calendar)).isTrue();
        // 15 working days after 9/26 is 10/23; 16 is 10/24
        assertThat(clock.threeTimesLate(LocalDate.of(2025, 10, 23), calendar)).isFalse();
        assertThat(clock.threeTimesLate(LocalDate.of(2025, 10, 24), calendar)).isTrue();
    }

    @Test
    void anImmediateMatterIsDueOnTheDayOfAcceptanceAndIllegalMovesAreRefused() {
        CaseClock clock = CaseClock.notStarted(0, 20).start(LocalDate.of(2026, 2, 13));
        assertThat(clock.promisedDue(LocalDate.of(2026, 2, 13), calendar)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThatThrownBy(() -> clock.start(LocalDate.of(2026, 2, 14))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> clock.resume(LocalDate.of(2026, 2, 14), calendar)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CaseClock.notStarted(5, 20).pause(LocalDate.of(2026, 2, 14)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CaseClock.notStarted(30, 20)).isInstanceOf(IllegalArgumentException.class);
    }
}
