package org.oneseal.partybuilding;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * External study points (学习强国积分) per member and month, imported from a CSV file by whoever manages an
 * organisation ({@link PointsCsv}: 党员编号, 姓名, 期间, 积分). The member is named by their member number (党员编号,
 * shown on their record and pre-filled in the template) and their name must match it; they must have belonged to the
 * organisation (or a cell below it) during the month. All or nothing: one bad row and nothing is imported, every
 * problem reported with its line. Re-importing a month for an organisation replaces what it imported for that month
 * (members left out of the new file lose their points of that month); a member has one figure per month, the latest
 * import's.
 */
@Service
public class StudyPoints {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final JdbcClient jdbc;
    private final StudyAccess access;
    private final PartyOrganisation organisation;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final StudyRules rules;

    StudyPoints(JdbcClient jdbc, StudyAccess access, PartyOrganisation organisation, PartyMessages messages,
            AuditLog audit, Clock clock, StudyRules rules) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.access = access;
        this.organisation = organisation;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A refused file: every problem with its line (0: the whole file) and column; nothing was imported. */
    public static class ImportRejected extends InvalidInputException {

        private final List<Problem> problems;

        ImportRejected(List<Problem> problems) {
            super(asFields(problems));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }

        private static Map<String, String> asFields(List<Problem> problems) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Problem p : problems) {
                fields.putIfAbsent(p.line() == 0 ? "file" : "line" + p.line() + (p.column() == null ? "" : "." + p.column()),
                        p.message());
            }
            return fields;
        }
    }

    /** A problem of an import file. */
    public record Problem(int line, String column, String message) {
    }

    /** What an import did. */
    public record ImportResult(long id, long orgId, List<String> periods, int rows, int replaced) {
    }

    /** A member's points of one month. */
    public record MonthPoints(long memberId, String memberName, String period, int points, String orgName) {
    }

    /** An import as listed. */
    public record ImportLine(long id, String orgName, String fileName, String periods, int rows, int replaced,
                             String importedBy, Instant importedAt) {
    }

    /** The points an organisation (and those below it) imported for a year: per member, per month, and the imports. */
    public record PointsTable(long orgId, String orgName, int year, List<String> months, List<MemberRow> members,
                              List<ImportLine> imports) {
    }

    /** A member's months (period → points) and total. */
    public record MemberRow(long memberId, String name, Map<String, Integer> months, int total) {
    }

    @Transactional(noRollbackFor = {NotFoundException.class, AccessDeniedException.class})
    public ImportResult importFile(long orgId, String fileName, byte[] content) {
        PartyOrganisation.Org org = access.org(orgId);
        access.requireManaged(orgId, "party.points.import");
        if (content == null || content.length == 0) {
            throw new ImportRejected(List.of(new Problem(0, null, messages.text("party.points.noFile"))));
        }
        if (content.length > MAX_BYTES) {
            throw new ImportRejected(List.of(new Problem(0, null, messages.text("party.points.tooLarge", "1 MB"))));
        }
        var parsed = new PointsCsv(messages, YearMonth.now(clock)).parse(content);
        List<Problem> problems = new ArrayList<>(parsed.problems().stream()
                .map(p -> new Problem(p.line(), p.column(), p.message())).toList());
        problems.addAll(members(org, parsed.rows()));
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(Problem::line));
            throw new ImportRejected(problems);
        }
        return store(org, fileName, parsed.rows());
    }

    /** The template: the header and a line per current member of the organisation, for the month given. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public byte[] template(long orgId, YearMonth period) {
        access.org(orgId);
        access.requireVisible(orgId, "party.points.template");
        YearMonth month = period == null ? YearMonth.now(clock).minusMonths(1) : period;
        StringBuilder csv = new StringBuilder("\uFEFF").append(PointsCsv.TEMPLATE_HEADER).append("\r\n");
        access.names(organisation.membersOn(orgId, LocalDate.now(clock))).forEach((id, name) ->
                csv.append(id).append(',').append(name.replace(",", " ")).append(',').append(month).append(",\r\n"));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The points imported through an organisation (or those below it) for a year. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public PointsTable table(long orgId, Integer y) {
        PartyOrganisation.Org org = access.org(orgId);
        access.requireVisible(orgId, "party.points.read");
        int year = rules.year(y);
        List<MonthPoints> points = points("p.org_id in (" + PartyOrganisation.SUBTREE + ") and p.period between :from and :to",
                Map.of("org", orgId, "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 1)));
        Set<String> months = new TreeSet<>();
        Map<Long, MemberRow> rows = new LinkedHashMap<>();
        for (MonthPoints p : points) {
            months.add(p.period());
            MemberRow r = rows.computeIfAbsent(p.memberId(), id -> new MemberRow(id, p.memberName(),
                    new java.util.TreeMap<>(), 0));
            r.months().put(p.period(), p.points());
            rows.put(p.memberId(), new MemberRow(r.memberId(), r.name(), r.months(), r.total() + p.points()));
        }
        List<ImportLine> imports = jdbc.sql("""
                select i.*, o.name as org_name from oneseal.party_points_import i join oneseal.party_org o on o.id = i.org_id
                where i.org_id in (%s) and i.periods like :year order by i.imported_at desc""".formatted(PartyOrganisation.SUBTREE))
                .param("org", orgId).param("year", "%" + year + "-%")
                .query((rs, n) -> new ImportLine(rs.getLong("id"), rs.getString("org_name"), rs.getString("file_name"),
                        rs.getString("periods"), rs.getInt("row_count"), rs.getInt("replaced"),
                        rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant())).list();
        return new PointsTable(orgId, org.name(), year, List.copyOf(months), rows.values().stream()
                .sorted(java.util.Comparator.comparing(MemberRow::name)).toList(), imports);
    }

    /** A member's points, newest month first (access is the caller's to check). */
    List<MonthPoints> of(long memberId) {
        return points("p.member_id = :m", Map.of("m", memberId));
    }

    /** Unknown members, a name that is not the member's, a member who was not in the organisation that month. */
    private List<Problem> members(PartyOrganisation.Org org, List<PointsCsv.Row> rows) {
        Set<Long> ids = new java.util.HashSet<>(rows.stream().map(PointsCsv.Row::memberId).toList());
        Map<Long, String> names = access.names(ids);
        Map<Long, List<LocalDate[]>> stays = new HashMap<>();
        jdbc.sql("select member_id, since, until from oneseal.party_membership where org_id in (" + PartyOrganisation.SUBTREE + ")")
                .param("org", org.id()).query(rs -> {
                    stays.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LocalDate[] {
                            rs.getDate(2).toLocalDate(), rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()});
                });
        List<Problem> problems = new ArrayList<>();
        for (PointsCsv.Row r : rows) {
            String name = names.get(r.memberId());
            LocalDate first = r.period().atDay(1);
            LocalDate last = r.period().atEndOfMonth();
            if (name == null) {
                problems.add(new Problem(r.line(), "memberId", messages.text("party.points.unknown", String.valueOf(r.memberId()))));
            } else if (!name.equals(r.name())) {
                problems.add(new Problem(r.line(), "name", messages.text("party.points.wrongName", String.valueOf(r.memberId()), name,
                        r.name())));
            } else if (stays.getOrDefault(r.memberId(), List.of()).stream()
                    .noneMatch(s -> !s[0].isAfter(last) && (s[1] == null || !s[1].isBefore(first)))) {
                problems.add(new Problem(r.line(), "memberId", messages.text("party.points.notInOrg", name,
                        org.name(), r.period().toString())));
            }
        }
        return problems;
    }

    private ImportResult store(PartyOrganisation.Org org, String fileName, List<PointsCsv.Row> rows) {
        // imports one at a time (they are rare): two of the same months at once would both delete, then both insert
        // a member's month (unique), and all but one failed with 409 (500 on the page) instead of replacing
        jdbc.sql("select pg_advisory_xact_lock(hashtext('party-points-import'))").query().listOfRows();
        List<LocalDate> periods = rows.stream().map(r -> r.period().atDay(1)).distinct().sorted().toList();
        List<String> labels = periods.stream().map(d -> YearMonth.from(d).toString()).toList();
        int replaced = jdbc.sql("delete from oneseal.party_study_points where org_id = :o and period in (:p)")
                .param("o", org.id()).param("p", periods).update();
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        long id = jdbc.sql("""
                insert into oneseal.party_points_import (org_id, file_name, periods, row_count, replaced, imported_by, imported_at)
                values (:o, :f, :p, :n, 0, :by, :at) returning id""").param("o", org.id())
                .param("f", name == null ? null : name.substring(0, Math.min(200, name.length())))
                .param("p", String.join(",", labels)).param("n", rows.size()).param("by", access.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        for (PointsCsv.Row r : rows) {
            replaced += jdbc.sql("delete from oneseal.party_study_points where member_id = :m and period = :p")
                    .param("m", r.memberId()).param("p", r.period().atDay(1)).update();
            jdbc.sql("""
                    insert into oneseal.party_study_points (member_id, period, points, org_id, import_id)
                    values (:m, :p, :v, :o, :i)""").param("m", r.memberId()).param("p", r.period().atDay(1))
                    .param("v", r.points()).param("o", org.id()).param("i", id).update();
        }
        jdbc.sql("update oneseal.party_points_import set replaced = :r where id = :id").param("r", replaced)
                .param("id", id).update();
        audit.record(AuditRecord.of("party.points.import", "PartyPointsImport", id)
                .reason(org.name() + " " + String.join(",", labels) + " rows " + rows.size() + " replaced " + replaced));
        return new ImportResult(id, org.id(), labels, rows.size(), replaced);
    }

    private List<MonthPoints> points(String condition, Map<String, ?> params) {
        var spec = jdbc.sql("""
                select p.*, m.name as member_name, o.name as org_name from oneseal.party_study_points p
                join oneseal.party_member m on m.id = p.member_id join oneseal.party_org o on o.id = p.org_id
                where %s order by p.period desc, m.name""".formatted(condition));
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> new MonthPoints(rs.getLong("member_id"), rs.getString("member_name"),
                YearMonth.from(rs.getDate("period").toLocalDate()).toString(), rs.getInt("points"),
                rs.getString("org_name"))).list();
    }

}
