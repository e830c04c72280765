package org.oneseal.partybuilding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV file of external study points: UTF-8 (with or without a byte order mark), a header line naming the columns
 * 党员编号, 姓名, 期间, 积分 (or member_id, name, period, points; in any order, nothing else), then one line per member and
 * month. Reads the file's shape; which members exist is the importer's question. Every problem is collected with its
 * line and column, so that the file can be fixed in one go.
 */
final class PointsCsv {

    static final List<String> COLUMNS = List.of("memberId", "name", "period", "points");
    static final String TEMPLATE_HEADER = "党员编号,姓名,期间,积分";
    static final int MAX_POINTS = 100_000;
    private static final Map<String, String> HEADER = Map.of("党员编号", "memberId", "member_id", "memberId",
            "姓名", "name", "name", "name", "期间", "period", "period", "period", "积分", "points", "points", "points");
    private static final Pattern PERIOD = Pattern.compile(
            "(\\d{4})\\s*(?:[-/.年]\\s*)?(\\d{1,2})(?:\\s*月|\\s*[-/.]\\s*0?1)?");

    /** One line of data, as read. */
    record Row(int line, long memberId, String name, YearMonth period, int points) {
    }

    /** A problem of the file: line (0 for the whole file), column code (null for the whole line), message. */
    record Problem(int line, String column, String message) {
    }

    record Parsed(List<Row> rows, List<Problem> problems) {
    }

    private final PartyMessages messages;
    private final YearMonth latest;

    PointsCsv(PartyMessages messages, YearMonth latest) {
        this.messages = messages;
        this.latest = latest;
    }

    Parsed parse(byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(rows, List.of(new Problem(0, null, messages.text("party.points.encoding"))));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        Map<String, Integer> columns = null;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            List<String> fields = fields(lines[i]);
            if (fields == null) {
                problems.add(new Problem(line, null, messages.text("party.points.quote")));
                continue;
            }
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (columns == null) {
                columns = header(line, fields, problems);
                if (columns == null) {
                    return new Parsed(List.of(), problems);
                }
                continue;
            }
            Row row = row(line, fields, columns, problems);
            if (row != null) {
                Integer first = seen.putIfAbsent(row.memberId() + "/" + row.period(), line);
                if (first != null) {
                    problems.add(new Problem(line, null, messages.text("party.points.duplicate", String.valueOf(first))));
                } else {
                    rows.add(row);
                }
            }
        }
        if (columns == null || rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, null, messages.text("party.points.noRows")));
        }
        return new Parsed(rows, problems);
    }

    private Map<String, Integer> header(int line, List<String> fields, List<Problem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        String expected = TEMPLATE_HEADER;
        for (int c = 0; c < fields.size(); c++) {
            String name = fields.get(c).strip();
            String code = HEADER.get(name.toLowerCase(java.util.Locale.ROOT));
            if (code == null) {
                problems.add(new Problem(line, null, messages.text("party.points.header.unknown", name, expected)));
            } else if (columns.putIfAbsent(code, c) != null) {
                problems.add(new Problem(line, code, messages.text("party.points.header.twice", name, expected)));
            }
        }
        for (String code : COLUMNS) {
            if (!columns.containsKey(code)) {
                problems.add(new Problem(line, code, messages.text("party.points.header.missing",
                        messages.text("party.points.column." + code), expected)));
            }
        }
        return problems.isEmpty() ? columns : null;
    }

    private Row row(int line, List<String> fields, Map<String, Integer> columns, List<Problem> problems) {
        if (fields.size() != columns.size()) {
            problems.add(new Problem(line, null, messages.text("party.points.fields", String.valueOf(fields.size()), String.valueOf(columns.size()))));
            return null;
        }
        int before = problems.size();
        String id = fields.get(columns.get("memberId")).strip();
        String name = fields.get(columns.get("name")).strip();
        String period = fields.get(columns.get("period")).strip();
        String points = fields.get(columns.get("points")).strip();
        long memberId = -1;
        if (!id.matches("\\d{1,12}")) {
            problems.add(new Problem(line, "memberId", messages.text("party.points.memberId", id)));
        } else {
            memberId = Long.parseLong(id);
        }
        if (name.isEmpty()) {
            problems.add(new Problem(line, "name", messages.text("party.points.nameMissing")));
        }
        YearMonth month = period(line, period, problems);
        int value = -1;
        if (!points.matches("\\d{1,6}") || Integer.parseInt(points) > MAX_POINTS) {
            problems.add(new Problem(line, "points", messages.text("party.points.points", points, String.valueOf(MAX_POINTS))));
        } else {
            value = Integer.parseInt(points);
        }
        return problems.size() > before ? null : new Row(line, memberId, name, month, value);
    }

    private YearMonth period(int line, String text, List<Problem> problems) {
        Matcher m = PERIOD.matcher(text);
        int month = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (month < 1 || month > 12 || Integer.parseInt(m.group(1)) < 2000) {
            problems.add(new Problem(line, "period", messages.text("party.points.period", text)));
            return null;
        }
        YearMonth period = YearMonth.of(Integer.parseInt(m.group(1)), month);
        if (period.isAfter(latest)) {
            problems.add(new Problem(line, "period", messages.text("party.points.periodFuture", text)));
            return null;
        }
        return period;
    }

    /** The fields of a line: separated by commas, optionally in double quotes ("" a quote); null when a quote is open. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return quoted ? null : fields;
    }
}
