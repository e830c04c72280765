package org.oneseal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneseal.statistics.Figure;

/**
 * The traces of a report: one per figure and scope (the area, or one window or department of a breakdown — told apart
 * by its org unit id, never by its name: two counties may each have a 综合受理窗口). The same figure written twice
 * has one trace. They are numbered once the document is filled, in the order their footnote references appear in
 * it, so that the appendix 数据来源 reads in the order of the text.
 */
final class Traces {

    /**
     * @param number the trace's number in the appendix, from 1
     * @param figure the figure as computed
     * @param scope  what it covers: 全市, or 全市 · 综合受理1号窗口
     */
    record Trace(int number, Figure figure, String scope) {
    }

    /**
     * What a figure covers.
     *
     * @param label as printed: 全市, or 全市 · 综合受理1号窗口
     * @param unit  the org unit id of the window or department of a breakdown row, or null for the whole area
     */
    record Scope(String label, Long unit) {

        static Scope of(String area) {
            return new Scope(area, null);
        }

        static Scope of(String label, long unit) {
            return new Scope(label, unit);
        }

        private String key() {
            return unit == null ? "area" : "unit " + unit;
        }
    }

    private record Entry(Figure figure, String scope) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Trace> numbered = new LinkedHashMap<>();

    /** The key of a figure's trace (registered on first use). */
    String register(Figure figure, Scope scope) {
        String key = figure.id() + '\u0000' + scope.key();
        entries.putIfAbsent(key, new Entry(figure, scope.label()));
        return key;
    }

    /** Numbers the traces: those of {@code firstSeen} (keys in document order) first, the others after. */
    void number(List<String> firstSeen) {
        Set<String> order = new LinkedHashSet<>(firstSeen);
        order.addAll(entries.keySet());
        numbered.clear();
        for (String key : order) {
            Entry e = entries.get(key);
            if (e != null) {
                numbered.put(key, new Trace(numbered.size() + 1, e.figure(), e.scope()));
            }
        }
    }

    Trace get(String key) {
        return numbered.get(key);
    }

    List<Trace> all() {
        return new ArrayList<>(numbered.values());
    }
}
