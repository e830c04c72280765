package org.oneseal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a paragraph into lines the way Chinese is set: between any two CJK characters, between words of Latin
 * text, but obeying 避头尾 — no line starts with a closing or pausing mark (，。、；：？！）」》…) and none ends with
 * an opening one (（「《“). When a break would break the rule, the characters before it move down to the next line
 * with the mark (the line left behind is then spread out by justification).
 */
final class LineBreaker {

    /** Marks that must not begin a line (行首禁则). */
    static final String NO_START = "，。、；：？！）」』》〉】〕］｝〗’”…‥—～·．,.;:?!)]}%‰℃°′″";
    /** Marks that must not end a line (行尾禁则). */
    static final String NO_END = "（「『《〈【〔［｛〖‘“([{";

    private static final float EPSILON = 0.01f;

    /** What the breaker needs of a unit: its width, whether it is a breakable space, its first and last character. */
    interface Unit {
        float width();

        boolean space();

        int first();

        int last();
    }

    private LineBreaker() {
    }

    /**
     * The lines of a paragraph. {@code firstWidth} is the width of the first line (less the indent), {@code width}
     * of the others. A unit wider than a line stands alone on its line. Spaces at a line's ends are dropped.
     */
    static <U extends Unit> List<List<U>> lines(List<U> units, float firstWidth, float width) {
        List<List<U>> lines = new ArrayList<>();
        List<U> line = new ArrayList<>();
        float used = 0;
        float max = firstWidth;
        int i = 0;
        while (i < units.size()) {
            U u = units.get(i);
            if (line.isEmpty() && u.space()) {
                i++;
                continue;
            }
            if (line.isEmpty() || used + u.width() <= max + EPSILON) {
                line.add(u);
                used += u.width();
                i++;
                continue;
            }
            if (u.space()) {
                i++;
            }
            int cut = u.space() ? line.size() : cut(line, u);
            List<U> carried = new ArrayList<>(line.subList(cut, line.size()));
            lines.add(trimmed(line.subList(0, cut)));
            line = carried;
            used = width(carried);
            max = width;
        }
        if (!line.isEmpty()) {
            lines.add(trimmed(line));
        }
        return lines;
    }

    /**
     * Where to end a full line before {@code next}: as late as possible such that the next line does not start with
     * a no-start mark and this one does not end with a no-end mark; keeps at least one unit.
     */
    private static <U extends Unit> int cut(List<U> line, U next) {
        int cut = line.size();
        while (cut > 1) {
            U following = cut < line.size() ? line.get(cut) : next;
            U last = line.get(cut - 1);
            boolean bad = (!following.space() && noStart(following.first())) || (!last.space() && noEnd(last.last()));
            if (!bad) {
                return cut;
            }
            cut--;
        }
        return Math.max(cut, 1);
    }

    static boolean noStart(int c) {
        return c >= 0 && NO_START.indexOf(c) >= 0;
    }

    static boolean noEnd(int c) {
        return c >= 0 && NO_END.indexOf(c) >= 0;
    }

    private static <U extends Unit> List<U> trimmed(List<U> line) {
        int end = line.size();
        while (end > 0 && line.get(end - 1).space()) {
            end--;
        }
        return new ArrayList<>(line.subList(0, end));
    }

    private static float width(List<? extends Unit> units) {
        float w = 0;
        for (Unit u : units) {
            w += u.width();
        }
        return w;
    }
}
