package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The rules of study without a database: the pro rata reflection minimum, its setting, reading the points CSV. */
class StudyRulesTest {

    private static Reflections reflections(int perYear) {
        return new Reflections(null, null, null, null, null, null, null, perYear);
    }

    @Test
    void theYearlyMinimumOutsideOneToFiftyTwoStopsTheApplication() {
        assertThatThrownBy(() -> reflections(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("oneseal.party.reflections-per-year");
        assertThatThrownBy(() -> reflections(53)).isInstanceOf(IllegalStateException.class);
        assertThat(reflections(52).perYear()).isEqualTo(52);
    }

    @Test
    void reflectionsAreOwedProRataOverCompletedMonths() {
        Reflections four = reflections(4);
        LocalDate before = LocalDate.of(2019, 3, 1);
        // 30 March: two months completed → ⌊4 × 2 / 12⌋ = 0; 31 March: three → 1
        assertThat(four.standing(1, "甲", null, 0, before, LocalDate.of(2025, 3, 30)).expectedSoFar()).isZero();
        assertThat(four.standing(1, "甲", null, 0, before, LocalDate.of(2025, 3, 31)).expectedSoFar()).isEqualTo(1);
        assertThat(four.standing(1, "甲", null, 0, before, LocalDate.of(2025, 3, 31)).behind()).isTrue();
        assertThat(four.standing(1, "甲", null, 1, before, LocalDate.of(2025, 3, 31)).behind()).isFalse();
        // the year's last day: all four
        assertThat(four.standing(1, "甲", null, 3, before, LocalDate.of(2025, 12, 31)).expectedSoFar()).isEqualTo(4);
        // a member who came on 1 July counts from July, one who came on 2 July from August
        assertThat(four.standing(1, "乙", null, 0, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31)).minimum())
                .isEqualTo(2);
        assertThat(four.standing(1, "乙", null, 0, LocalDate.of(2025, 7, 2), LocalDate.of(2025, 12, 31)).minimum())
                .isEqualTo(1);
        assertThat(four.standing(1, "乙", null, 0, LocalDate.of(2025, 12, 20), LocalDate.of(2025, 12, 31)).minimum())
                .isZero();
    }

    private static PointsCsv csv() {
        StaticMessageSource source = new StaticMessageSource();
        source.setUseCodeAsDefaultMessage(true);
        return new PointsCsv(new PartyMessages(source), YearMonth.of(2025, 12));
    }

    @Test
    void periodsAreReadInTheFormsExcelLeavesThemIn() {
        String file = "党员编号,姓名,期间,积分\n1,甲,2025-03,1\n2,甲,2025-3,1\n3,甲,202503,1\n4,甲,2025/03/01,1\n"
                + "5,甲,2025年3月,1\n6,甲,2025-03-15,1\n7,甲,2026-01,1\n8,甲,1999-01,1\n9,甲,March,1\n";
        var parsed = csv().parse(file.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.rows()).extracting(PointsCsv.Row::period).containsOnly(YearMonth.of(2025, 3)).hasSize(5);
        assertThat(parsed.problems()).extracting(PointsCsv.Problem::line).containsExactly(7, 8, 9, 10);
        assertThat(parsed.problems()).extracting(PointsCsv.Problem::message)
                .containsExactly("party.points.period", "party.points.periodFuture", "party.points.period",
                        "party.points.period");
    }

    @Test
    void quotedFieldsAndUnclosedQuotes() {
        assertThat(PointsCsv.fields("1,\"王, 芳\",2025-03,\"1\"\"0\"")).containsExactly("1", "王, 芳", "2025-03", "1\"0");
        assertThat(PointsCsv.fields("1,\"王芳,2025-03,10")).isNull();
        var parsed = csv().parse("\uFEFFmember_id,NAME,Period,points\r\n\r\n1,甲,2025-03,10\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.points()).isEqualTo(10);
        });
    }
}
