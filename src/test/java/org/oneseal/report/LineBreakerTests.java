package org.oneseal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** 避头尾: no line starts with a closing or pausing mark and none ends with an opening one. */
class LineBreakerTests {

    record Char(int c) implements LineBreaker.Unit {
        public float width() {
            return c == ' ' ? 0.5f : 1;
        }

        public boolean space() {
            return c == ' ';
        }

        public int first() {
            return c;
        }

        public int last() {
            return c;
        }
    }

    @Test
    void aCommaThatWouldStartALineTakesTheCharacterBeforeItAlong() {
        // ten characters fit a line: the comma is the eleventh
        List<String> lines = lines("一二三四五六七八九十，十一十二", 10);
        assertThat(lines).containsExactly("一二三四五六七八九", "十，十一十二");
    }

    @Test
    void severalClosingMarksAndAnOpeningMarkAtTheEnd() {
        List<String> lines = lines("甲乙丙丁戊己庚辛壬”）。子丑寅卯辰巳午未申（酉）戌亥", 10);
        for (String line : lines) {
            assertThat(LineBreaker.noStart(line.codePointAt(0))).as(line).isFalse();
            assertThat(LineBreaker.noEnd(line.codePointAt(line.length() - 1))).as(line).isFalse();
        }
        assertThat(String.join("", lines)).isEqualTo("甲乙丙丁戊己庚辛壬”）。子丑寅卯辰巳午未申（酉）戌亥");
    }

    @Test
    void everyCutOfALongTextObeysTheRules() {
        String text = "本年度共受理“办不成事”问题，已协调办理；好评率（按月统计）为百分之九十九。其中：市本级《通报》、县级【专报】！"
                .repeat(6);
        for (int width = 4; width <= 30; width++) {
            List<String> lines = lines(text, width);
            assertThat(String.join("", lines)).isEqualTo(text);
            for (String line : lines) {
                assertThat(line.length()).as("width %d: %s", width, line).isLessThanOrEqualTo(width);
                assertThat(LineBreaker.noStart(line.codePointAt(0))).as("width %d starts: %s", width, line).isFalse();
                assertThat(LineBreaker.noEnd(line.codePointAt(line.length() - 1))).as("width %d ends: %s", width, line)
                        .isFalse();
            }
        }
    }

    @Test
    void theFirstLineIsShorterByItsIndentAndSpacesDoNotStartALine() {
        List<List<Char>> lines = LineBreaker.lines(units("一二三四五六七八 九十"), 8, 10);
        assertThat(lines.get(0)).hasSize(8);
        assertThat(lines.get(1).getFirst().c()).isEqualTo('九');
    }

    private static List<String> lines(String text, int width) {
        return LineBreaker.lines(units(text), width, width).stream()
                .map(l -> l.stream().map(c -> Character.toString(c.c())).collect(Collectors.joining())).toList();
    }

    private static List<Char> units(String text) {
        return text.codePoints().mapToObj(Char::new).toList();
    }
}
