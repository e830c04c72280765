package org.oneseal.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.oneseal.shared.PdfFont;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 月度通报: a leader publishes a month's bulletin of their region (its figures frozen at publication, once); the
 * public page shows published bulletins without personal data (no staff ranking, no names); the bulletin downloads
 * as an Excel workbook and a PDF.
 */
@Service
public class Bulletins {

    private final RatingFigures figures;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final EvaluationMessages messages;
    private final AuditLog audit;
    private final PdfFont fonts;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Bulletins(RatingFigures figures, JdbcClient jdbc, CurrentUser currentUser, EvaluationMessages messages,
            AuditLog audit, PdfFont fonts, Clock clock) {
        this.figures = figures;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.fonts = fonts;
        this.clock = clock;
    }

    /** A published bulletin as listed on the public page. */
    public record Published(String month, long regionId, String regionName, java.time.Instant publishedAt) {
    }

    /** Publishes the month's bulletin of the leader's region; a month is published once, and only once it is over. */
    @Transactional
    @PreAuthorize("hasAuthority('evaluation:publish')")
    public RatingFigures.Bulletin publish(String month) {
        YearMonth ym = figures.parseMonth(month);
        if (!ym.isBefore(YearMonth.now(clock))) {
            throw InvalidInputException.of("month", messages.text("evaluation.bulletin.notOver"));
        }
        long region = currentUser.scope().region();
        RatingFigures.Bulletin b = figures.bulletinOf(ym, region, clock.instant());
        try {
            jdbc.sql("""
                    insert into oneseal.rating_bulletin (month, region_id, content, published_at, published_by)
                    values (:month, :region, cast(:content as jsonb), :at, :by)""")
                    .param("month", ym.toString()).param("region", region).param("content", json.writeValueAsString(b))
                    .param("at", Timestamp.from(b.publishedAt()))
                    .param("by", currentUser.principal().orElseThrow().getUsername()).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("month", messages.text("evaluation.bulletin.published", ym.toString()));
        }
        audit.record(AuditRecord.of("evaluation.bulletin.publish", "Bulletin", ym + "/" + region).region(region));
        return b;
    }

    /** Every published bulletin, newest first (public). */
    @Transactional(readOnly = true)
    public List<Published> published() {
        return jdbc.sql("""
                select month, region_id, content->>'regionName', published_at from oneseal.rating_bulletin
                order by month desc, region_id""")
                .query((rs, n) -> new Published(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** A published bulletin as the public sees it: no staff ranking, no staff names. */
    @Transactional(readOnly = true)
    public RatingFigures.Bulletin publicBulletin(String month, long regionId) {
        RatingFigures.Bulletin b = stored(month, regionId)
                .orElseThrow(() -> new NotFoundException("bulletin " + month + "/" + regionId));
        List<RatingFigures.BadReview> bad = b.badReviews().stream().map(r -> new RatingFigures.BadReview(r.day(),
                r.object(), r.matterName(), r.level(), r.levelName(), r.reasons(), r.classification(), r.state(),
                r.dueOn(), r.closedOn(), r.onTime(), null)).toList();
        return new RatingFigures.Bulletin(b.month(), b.regionId(), b.regionName(), b.total(), b.windows(),
                b.departments(), List.of(), bad, b.publishedAt());
    }

    Optional<RatingFigures.Bulletin> stored(String month, long regionId) {
        if (month == null || !month.matches("\\d{4}-\\d{2}")) {
            return Optional.empty();
        }
        return jdbc.sql("select content::text from oneseal.rating_bulletin where month = :m and region_id = :r")
                .param("m", month).param("r", regionId).query(String.class).optional()
                .map(text -> json.readValue(text, RatingFigures.Bulletin.class));
    }

    // ------------------------------------------------------------------------------------------------ downloads

    /** The bulletin as an Excel workbook: overview, the three rankings, and the bad reviews. */
    byte[] excel(RatingFigures.Bulletin b) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet overview = book.createSheet(messages.text("evaluation.bulletin.sheet.overview"));
            row(overview, List.of(messages.text("evaluation.bulletin.title", b.regionName(), b.month())));
            row(overview, header());
            row(overview, cells(b.total()));
            ranking(book, "evaluation.bulletin.sheet.windows", b.windows());
            ranking(book, "evaluation.bulletin.sheet.departments", b.departments());
            if (!b.staff().isEmpty()) {
                ranking(book, "evaluation.bulletin.sheet.staff", b.staff());
            }
            Sheet bad = book.createSheet(messages.text("evaluation.bulletin.sheet.bad"));
            row(bad, List.of(messages.text("evaluation.bulletin.col.day"), messages.text("evaluation.bulletin.col.object"),
                    messages.text("evaluation.bulletin.col.matter"), messages.text("evaluation.bulletin.col.level"),
                    messages.text("evaluation.bulletin.col.reasons"), messages.text("evaluation.bulletin.col.class"),
                    messages.text("evaluation.bulletin.col.state"), messages.text("evaluation.bulletin.col.due"),
                    messages.text("evaluation.bulletin.col.closed"), messages.text("evaluation.bulletin.col.onTime")));
            for (RatingFigures.BadReview r : b.badReviews()) {
                row(bad, badCells(r));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ranking(XSSFWorkbook book, String name, List<RatingFigures.Row> rows) {
        Sheet sheet = book.createSheet(messages.text(name));
        List<String> h = new ArrayList<>(header());
        h.add(0, messages.text("evaluation.bulletin.col.rank"));
        row(sheet, h);
        int rank = 1;
        for (RatingFigures.Row r : rows) {
            List<String> c = new ArrayList<>(cells(r));
            c.add(0, String.valueOf(rank++));
            row(sheet, c);
        }
        sheet.createFreezePane(0, 1);
    }

    private List<String> header() {
        return List.of(messages.text("evaluation.bulletin.col.name"), messages.text("evaluation.bulletin.col.total"),
                messages.text("evaluation.bulletin.col.goodRate"), messages.text("evaluation.bulletin.col.bad"),
                messages.text("evaluation.bulletin.col.timely"), messages.text("evaluation.bulletin.col.callback"));
    }

    private static List<String> cells(RatingFigures.Row r) {
        return List.of(r.label(), String.valueOf(r.counted()), percent(r.goodRate()), String.valueOf(r.bad()),
                percent(r.timelyRate()), percent(r.callbackRate()));
    }

    private List<String> badCells(RatingFigures.BadReview r) {
        return List.of(r.day(), r.object(), r.matterName() == null ? "" : r.matterName(), r.levelName(),
                String.join("、", r.reasons()),
                r.classification() == null ? "" : messages.text("evaluation.class." + r.classification()),
                messages.text("evaluation.state." + r.state()), String.valueOf(r.dueOn()),
                r.closedOn() == null ? "" : r.closedOn().toString(),
                r.onTime() == null ? "" : messages.text(r.onTime() ? "evaluation.bulletin.onTime" : "evaluation.bulletin.late"));
    }

    public static String percent(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }

    private static void row(Sheet sheet, List<String> cells) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i) == null ? "" : cells.get(i));
        }
    }

    /** The bulletin as a PDF (A4, the CJK font embedded): the overview, the rankings, the bad reviews. */
    byte[] pdf(RatingFigures.Bulletin b) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"H", messages.text("evaluation.bulletin.title", b.regionName(), b.month())});
        lines.add(new String[] {"T", String.join("  ", header())});
        lines.add(new String[] {"T", String.join("  ", cells(b.total()))});
        section(lines, "evaluation.bulletin.sheet.windows", b.windows());
        section(lines, "evaluation.bulletin.sheet.departments", b.departments());
        if (!b.staff().isEmpty()) {
            section(lines, "evaluation.bulletin.sheet.staff", b.staff());
        }
        lines.add(new String[] {"S", messages.text("evaluation.bulletin.sheet.bad")});
        for (RatingFigures.BadReview r : b.badReviews()) {
            lines.add(new String[] {"T", String.join("  ", badCells(r))});
        }
        try {
            return fonts.render((document, font) -> draw(document, font, lines));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the bulletin PDF", e);
        }
    }

    private void section(List<String[]> lines, String name, List<RatingFigures.Row> rows) {
        lines.add(new String[] {"S", messages.text(name)});
        int rank = 1;
        for (RatingFigures.Row r : rows) {
            lines.add(new String[] {"T", rank++ + ". " + String.join("  ", cells(r))});
        }
    }

    private static void draw(PDDocument document, PDType0Font font, List<String[]> lines) throws IOException {
        float y = 0;
        PDPageContentStream stream = null;
        try {
            for (String[] line : lines) {
                float size = "H".equals(line[0]) ? 16 : "S".equals(line[0]) ? 12 : 9;
                for (String part : wrap(line[1], "T".equals(line[0]) ? 60 : 36)) {
                    if (stream == null || y < 50) {
                        if (stream != null) {
                            stream.close();
                        }
                        PDPage page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        stream = new PDPageContentStream(document, page);
                        y = 790;
                    }
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(50, y);
                    stream.showText(part);
                    stream.endText();
                    y -= size + 7;
                }
            }
            if (stream == null) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> parts = new ArrayList<>();
        String rest = text.replace('\n', ' ').replace('\t', ' ');
        while (rest.length() > width) {
            parts.add(rest.substring(0, width));
            rest = rest.substring(width);
        }
        parts.add(rest);
        return parts;
    }
}
