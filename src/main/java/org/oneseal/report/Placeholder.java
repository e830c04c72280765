package org.oneseal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ${...}} of a template: a metric ({@code ${evaluation.total}}, {@code ${finance.loanAmount:yi}}), a
 * field of the report ({@code ${report.year}}), or the marker of a row repeated per window or department
 * ({@code ${each.window}}, {@code ${each.department}}). {@code text} is what the template says between the braces,
 * trimmed (a full-width colon typed by a Chinese input method counts as the colon).
 *
 * @param text   the placeholder as written (normalised), e.g. {@code evaluation.goodRate:pct}
 * @param kind   what it names; {@link Kind#MALFORMED} when it names nothing readable
 * @param name   the metric id or field name (for REPORT: {@code year}; for EACH: {@code window})
 * @param format the format as written after the colon, or null
 */
record Placeholder(String text, Kind kind, String name, String format) {

    enum Kind { METRIC, REPORT, EACH, MALFORMED }

    static final String REPORT_PREFIX = "report.";
    static final String EACH_PREFIX = "each.";
    private static final Pattern ANY = Pattern.compile("\\$\\{([^{}]{0,200}?)}");
    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)+");
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z]{1,20}");

    /** A placeholder found in a text, with where it is. */
    record Found(Placeholder placeholder, int start, int end) {
    }

    /**
     * Every placeholder of a text in order; an opening {@code ${} that is never closed is reported as a
     * malformed placeholder holding what follows it (so that nothing looking like a placeholder is left unnoticed).
     */
    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = ANY.matcher(text);
        int from = 0;
        while (from < text.length()) {
            int open = text.indexOf("${", from);
            if (open < 0) {
                break;
            }
            if (m.find(open) && m.start() == open) {
                found.add(new Found(parse(m.group(1)), m.start(), m.end()));
                from = m.end();
            } else {
                String rest = text.substring(open, Math.min(text.length(), open + 30));
                found.add(new Found(new Placeholder(rest, Kind.MALFORMED, rest, null), open, open + 2));
                from = open + 2;
            }
        }
        return found;
    }

    /** Reads what stands between the braces. */
    static Placeholder parse(String inside) {
        String t = inside.strip().replace('：', ':');
        int colon = t.indexOf(':');
        String name = (colon < 0 ? t : t.substring(0, colon)).strip();
        String format = colon < 0 ? null : t.substring(colon + 1).strip();
        String text = format == null ? name : name + ":" + format;
        if (!ID.matcher(name).matches() || (format != null && !FORMAT.matcher(format).matches())) {
            return new Placeholder(text, Kind.MALFORMED, name, format);
        }
        if (name.startsWith(REPORT_PREFIX)) {
            return new Placeholder(text, Kind.REPORT, name.substring(REPORT_PREFIX.length()), format);
        }
        if (name.startsWith(EACH_PREFIX)) {
            return new Placeholder(text, Kind.EACH, name.substring(EACH_PREFIX.length()), format);
        }
        return new Placeholder(text, Kind.METRIC, name, format);
    }

    /** As the template writes it, for messages: {@code ${evaluation.total:bogus}}. */
    String written() {
        return kind == Kind.MALFORMED && text.startsWith("${") ? text : "${" + text + "}";
    }
}
