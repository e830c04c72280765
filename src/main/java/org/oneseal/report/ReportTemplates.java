package org.oneseal.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.oneseal.statistics.Statistics;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report templates (报告模板): the default ones, and Word templates an administrator ({@code report:template})
 * uploads for the annual report or the monthly bulletin. A template is checked on upload — every placeholder must
 * name a metric of the catalogue (with a format that exists and suits its unit), a report field or a repeated row;
 * otherwise it is refused with all of them named and nothing is stored. A trial filling then makes sure that no
 * {@code ${} is left where no report can fill it (a field code, a comment, deleted text …). Uploads, refusals and
 * deactivations are audited.
 */
@Service
public class ReportTemplates {

    static final int MAX_NAME = 60;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportTemplates.class);

    private final TemplateStore store;
    private final DefaultTemplates defaults;
    private final TemplateChecker checker;
    private final MetricUnits units;
    private final TemplateTrial trial;
    private final Statistics statistics;
    private final CurrentUser currentUser;
    private final ReportMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    ReportTemplates(TemplateStore store, DefaultTemplates defaults, TemplateChecker checker, MetricUnits units,
            TemplateTrial trial, Statistics statistics, CurrentUser currentUser, ReportMessages messages,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.defaults = defaults;
        this.checker = checker;
        this.units = units;
        this.trial = trial;
        this.statistics = statistics;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a Word file as a template of that kind without storing it. */
    @PreAuthorize("hasAuthority('report:template')")
    public TemplateCheck check(ReportKind kind, byte[] content) {
        requireKind(kind);
        try (XWPFDocument doc = open(content)) {
            TemplateScan scan = TemplateScan.of(doc);
            List<TemplateProblem> problems = new ArrayList<>(
                    checker.problems(scan, kind, statistics::exists, units::unit, false));
            problems.addAll(unreachable(doc, scan, problems));
            return TemplateCheck.of(scan.placeholders(), problems);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stores a checked template; refused (nothing stored) when any placeholder cannot be filled. */
    @PreAuthorize("hasAuthority('report:template')")
    @Transactional
    public TemplateInfo upload(ReportKind kind, String name, String fileName, byte[] content) {
        String n = name == null ? "" : name.strip();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (kind == null) {
            errors.add("kind", messages.text("report.kind.missing"));
        }
        if (n.isEmpty() || n.length() > MAX_NAME || n.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("name", messages.text("report.name.invalid", MAX_NAME));
        }
        errors.throwIfAny();
        TemplateCheck check = check(kind, content);
        if (!check.usable()) {
            audit.recordIndependently(AuditRecord.of("report.template.upload", "ReportTemplate", null)
                    .outcome(AuditOutcome.FAILURE).reason(n + ": " + String.join(", ", check.unknown())));
            throw ReportGenerator.refusal(messages, check.problems());
        }
        if (store.activeNameTaken(kind, n)) {
            throw new ConflictException("name", messages.text("report.name.taken", n));
        }
        long id = store.insert(kind, n, safeFileName(fileName), content, check.placeholders(), username(),
                clock.instant()).orElseThrow(() -> new ConflictException("name", messages.text("report.name.taken", n)));
        audit.record(AuditRecord.of("report.template.upload", "ReportTemplate", id)
                .reason(kind + " " + n + " (" + content.length + " bytes)"));
        return store.find(id).orElseThrow();
    }

    /** The templates in use of a kind (null: both), newest first, to choose from when generating. */
    @PreAuthorize("hasAnyAuthority('report:template', 'report:generate')")
    @Transactional(readOnly = true)
    public List<TemplateInfo> active(ReportKind kind) {
        return store.list(kind, false);
    }

    /** Every template of a kind (null: both), the deactivated ones too, for their administration. */
    @PreAuthorize("hasAuthority('report:template')")
    @Transactional(readOnly = true)
    public List<TemplateInfo> all(ReportKind kind) {
        return store.list(kind, true);
    }

    /** Takes a template out of use (it stays stored, for the record). */
    @PreAuthorize("hasAuthority('report:template')")
    @Transactional
    public TemplateInfo deactivate(long id) {
        TemplateInfo t = store.find(id).orElseThrow(() -> new NotFoundException("report template " + id));
        if (!t.active()) {
            throw new ConflictException(null, messages.text("report.template.inactive", t.name()));
        }
        store.deactivate(id, username(), clock.instant());
        audit.record(AuditRecord.of("report.template.deactivate", "ReportTemplate", id).reason(t.name()));
        return store.find(id).orElseThrow();
    }

    /** The platform's default template of a kind as a Word document, to start a template of one's own from. */
    @PreAuthorize("hasAnyAuthority('report:template', 'report:generate')")
    public byte[] defaultTemplate(ReportKind kind) {
        requireKind(kind);
        return defaults.docx(kind);
    }

    /** The template a generation uses: {@code null}, blank or {@code default}, or the id of an active one of the kind. */
    ReportGenerator.Template forGeneration(ReportKind kind, String choice) {
        if (choice == null || choice.isBlank() || choice.strip().equals("default")) {
            return new ReportGenerator.Template(defaults.docx(kind), true);
        }
        String c = choice.strip();
        if (!c.matches("[1-9][0-9]{0,17}")) {
            throw InvalidInputException.of("template", messages.text("report.template.unknown", abbreviate(c)));
        }
        long id = Long.parseLong(c);
        TemplateInfo t = store.find(id).filter(x -> x.active() && x.kind() == kind).orElseThrow(
                () -> InvalidInputException.of("template", messages.text("report.template.unknown", c)));
        return new ReportGenerator.Template(store.content(t.id()).orElseThrow(), false);
    }

    /**
     * What a trial filling leaves unfilled; a template that cannot even be filled on trial is refused as a file the
     * reports cannot handle (its generation would fail the same way).
     */
    private List<TemplateProblem> unreachable(XWPFDocument doc, TemplateScan scan, List<TemplateProblem> problems) {
        try {
            return trial.unreachable(doc, scan, problems);
        } catch (RuntimeException e) {
            log.warn("an uploaded report template could not be filled on trial", e);
            throw InvalidInputException.of("file", messages.text("report.template.broken"));
        }
    }

    private XWPFDocument open(byte[] content) {
        try {
            return TemplateFile.open(content);
        } catch (TemplateFile.Unreadable e) {
            throw InvalidInputException.of("file", messages.text(e.key(), TemplateFile.MAX_BYTES / 1024 / 1024));
        }
    }

    private void requireKind(ReportKind kind) {
        if (kind == null) {
            throw InvalidInputException.of("kind", messages.text("report.kind.missing"));
        }
    }

    private String username() {
        return currentUser.principal().map(p -> p.getUsername()).orElse("system");
    }

    /** The file's own name without any path, at most 200 characters (it is only shown, never used as a path). */
    static String safeFileName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "template.docx";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
