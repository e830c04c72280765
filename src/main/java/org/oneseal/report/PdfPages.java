package org.oneseal.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays out and draws the blocks on pages set up like a Chinese official document (GB/T 9704): A4, margins 37 mm top,
 * 35 mm bottom, 28 mm left, 26 mm right; body text 16 pt (三号) with 22 lines a page and a first-line indent of two
 * characters, justified, lines broken by {@link LineBreaker} (避头尾); headings bold and kept with what follows; the
 * title 22 pt (二号) centred; tables with ruled cells whose header row repeats on a new page; page numbers “— 1 —”
 * in 14 pt (四号) 7 mm under the text, odd pages on the right and even pages on the left.
 */
final class PdfPages {

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float TOP = PAGE.getHeight() - 37 * MM;
    private static final float BOTTOM = 35 * MM;
    private static final float LEFT = 28 * MM;
    private static final float RIGHT = PAGE.getWidth() - 26 * MM;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float BODY = 16;
    private static final float PITCH = (TOP - BOTTOM) / 22;
    private static final float CELL_PAD = 4;
    private static final float STROKE = 0.5f;

    private final PDDocument doc;
    private final PdfText text;
    private final PDType0Font font;
    private PDPageContentStream out;
    private float y;
    private int pages;
    private boolean pageHasContent;

    PdfPages(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
        this.text = new PdfText(font);
    }

    void write(List<PdfBlocks.Block> blocks) throws IOException {
        newPage();
        for (int i = 0; i < blocks.size(); i++) {
            switch (blocks.get(i)) {
                case PdfBlocks.Para p -> paragraph(p);
                case PdfBlocks.Table t -> table(t);
            }
        }
        finishPage();
    }

    private record Style(float size, float pitch, boolean bold, float indent, float before, float after) {
    }

    private static Style style(PdfBlocks.Kind kind) {
        return switch (kind) {
            case TITLE -> new Style(22, 40, true, 0, 0, 12);
            case SUBTITLE -> new Style(14, 22, false, 0, 0, 6);
            case H1 -> new Style(BODY, PITCH, true, 2 * BODY, 0, 0);
            case H2, H3 -> new Style(BODY, PITCH, true, 2 * BODY, 0, 0);
            case BODY -> new Style(BODY, PITCH, false, 2 * BODY, 0, 0);
            case PLAIN -> new Style(BODY, PITCH, false, 0, 0, 0);
        };
    }

    private void paragraph(PdfBlocks.Para p) throws IOException {
        Style s = style(p.kind());
        if (p.pageBreakBefore() && pageHasContent) {
            newPage();
        }
        float plainSize = p.kind() == PdfBlocks.Kind.PLAIN ? sizeOf(p.spans(), BODY) : s.size();
        float pitch = p.kind() == PdfBlocks.Kind.PLAIN ? Math.max(plainSize * 1.6f, plainSize + 6) : s.pitch();
        float indent = p.centred() || p.unindented() ? 0 : s.indent();
        List<Line> lines = lines(text.units(p.spans(), plainSize, s.bold()), WIDTH - indent, WIDTH);
        boolean heading = p.kind() == PdfBlocks.Kind.H1 || p.kind() == PdfBlocks.Kind.H2
                || p.kind() == PdfBlocks.Kind.H3;
        float keep = heading ? (lines.size() + 2) * pitch : Math.min(lines.size(), 2) * pitch;
        if (y - s.before() - Math.max(keep, pitch) < BOTTOM && pageHasContent) {
            newPage();
        }
        y -= pageHasContent ? s.before() : 0;
        if (lines.isEmpty()) {
            y -= pitch;
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (y - pitch < BOTTOM) {
                newPage();
            }
            Line line = lines.get(i);
            float x = LEFT + (i == 0 ? indent : 0);
            float room = RIGHT - x;
            if (p.centred()) {
                draw(line, LEFT + (WIDTH - line.width()) / 2, baseline(pitch, plainSize), 0);
            } else {
                draw(line, x, baseline(pitch, plainSize), line.last() ? 0 : room - line.width());
            }
            y -= pitch;
            pageHasContent = true;
        }
        y -= s.after();
    }

    private static float sizeOf(List<PdfBlocks.Span> spans, float otherwise) {
        return spans.stream().filter(sp -> sp.size() != null && !sp.sup()).map(sp -> sp.size().floatValue())
                .findFirst().orElse(otherwise);
    }

    private float baseline(float pitch, float size) {
        return y - (pitch + size * 0.76f) / 2;
    }

    /** A line of units; {@code last} when it ends its paragraph or a forced break (it is then not justified). */
    private record Line(List<PdfText.Unit> units, boolean last) {
        float width() {
            float w = 0;
            for (PdfText.Unit u : units) {
                w += u.width();
            }
            return w;
        }
    }

    private List<Line> lines(List<PdfText.Unit> units, float firstWidth, float width) {
        List<Line> lines = new ArrayList<>();
        List<PdfText.Unit> segment = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i <= units.size(); i++) {
            if (i < units.size() && !units.get(i).newline()) {
                segment.add(units.get(i));
                continue;
            }
            List<List<PdfText.Unit>> broken = LineBreaker.lines(text.fitted(segment, width),
                    first ? firstWidth : width, width);
            for (int k = 0; k < broken.size(); k++) {
                lines.add(new Line(broken.get(k), k == broken.size() - 1));
            }
            if (broken.isEmpty() && i < units.size()) {
                lines.add(new Line(List.of(), true));
            }
            first = false;
            segment = new ArrayList<>();
        }
        return lines;
    }

    /** Draws a line from {@code x}, spreading {@code extra} width evenly between its units (justification). */
    private void draw(Line line, float x, float baseline, float extra) throws IOException {
        List<PdfText.Unit> units = line.units();
        float gap = units.size() > 1 && extra > 0 ? extra / (units.size() - 1) : 0;
        out.beginText();
        float at = x;
        for (PdfText.Unit u : units) {
            float px = at;
            for (PdfText.Piece piece : u.pieces()) {
                if (!u.space()) {
                    out.setFont(font, piece.size());
                    out.setRenderingMode(piece.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                    float rise = piece.sup() ? piece.size() * 0.9f : 0;
                    out.setTextMatrix(Matrix.getTranslateInstance(px, baseline + rise));
                    out.showText(piece.text());
                }
                px += text.width(piece.text(), piece.size());
            }
            at += u.width() + gap;
        }
        out.endText();
    }

    private void table(PdfBlocks.Table t) throws IOException {
        if (t.rows().isEmpty()) {
            return;
        }
        float size = 12;
        float pitch = size * 1.5f;
        int columns = t.rows().stream().mapToInt(List::size).max().orElse(1);
        float[] widths = columnWidths(t, columns, size);
        List<List<List<Line>>> laid = new ArrayList<>();
        for (List<List<PdfBlocks.Span>> row : t.rows()) {
            List<List<Line>> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                List<PdfBlocks.Span> spans = c < row.size() ? row.get(c) : List.of();
                float w = widths[c] - 2 * CELL_PAD;
                cells.add(lines(text.units(spans, size, false), w, w));
            }
            laid.add(cells);
        }
        y -= pageHasContent ? 6 : 0;
        for (int r = 0; r < laid.size(); r++) {
            float height = rowHeight(laid.get(r), pitch);
            if (y - height < BOTTOM && pageHasContent) {
                newPage();
                if (r > 0 && laid.size() > 1) {
                    drawRow(laid.getFirst(), widths, rowHeight(laid.getFirst(), pitch), pitch, size);
                }
            }
            drawRow(laid.get(r), widths, height, pitch, size);
        }
        y -= 10;
    }

    private static float rowHeight(List<List<Line>> cells, float pitch) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return Math.max(1, lines) * pitch + 2 * CELL_PAD;
    }

    private void drawRow(List<List<Line>> cells, float[] widths, float height, float pitch, float size)
            throws IOException {
        float x = LEFT;
        float top = y;
        for (int c = 0; c < widths.length; c++) {
            out.addRect(x, top - height, widths[c], height);
            float saved = y;
            y = top - CELL_PAD;
            for (Line line : cells.get(c)) {
                draw(line, x + CELL_PAD, baseline(pitch, size), 0);
                y -= pitch;
            }
            y = saved;
            x += widths[c];
        }
        out.stroke();
        y = top - height;
        pageHasContent = true;
    }

    /**
     * The document's column widths when it sets them; else each column at least as wide as its longest word (or two
     * characters) and the rest of the width shared in proportion to how much longer the columns' texts are.
     */
    private float[] columnWidths(PdfBlocks.Table t, int columns, float size) {
        float[] widths = new float[columns];
        if (t.weights() != null && t.weights().length == columns) {
            double sum = java.util.Arrays.stream(t.weights()).sum();
            for (int c = 0; c < columns; c++) {
                widths[c] = (float) (t.weights()[c] / sum * WIDTH);
            }
            return widths;
        }
        float[] least = new float[columns];
        float[] natural = new float[columns];
        for (List<List<PdfBlocks.Span>> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                float line = 0;
                for (PdfText.Unit u : text.units(row.get(c), size, false)) {
                    least[c] = Math.max(least[c], u.width());
                    line = u.newline() ? 0 : line + u.width();
                    natural[c] = Math.max(natural[c], Math.min(line, 20 * size));
                }
            }
        }
        float min = 0;
        float extra = 0;
        for (int c = 0; c < columns; c++) {
            least[c] = Math.min(Math.max(least[c], 2 * size) + 2 * CELL_PAD, WIDTH / 2);
            natural[c] = Math.max(natural[c] + 2 * CELL_PAD, least[c]);
            min += least[c];
            extra += natural[c] - least[c];
        }
        float room = Math.max(0, WIDTH - min);
        for (int c = 0; c < columns; c++) {
            widths[c] = min >= WIDTH ? least[c] / min * WIDTH
                    : least[c] + (extra == 0 ? room / columns : (natural[c] - least[c]) / extra * room);
        }
        return widths;
    }

    private void newPage() throws IOException {
        finishPage();
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        out.setLineWidth(STROKE);
        pages++;
        y = TOP;
        pageHasContent = false;
    }

    private void finishPage() throws IOException {
        if (out == null) {
            return;
        }
        String number = "— " + pages + " —";
        float size = 14;
        float w = text.width(number, size);
        float x = pages % 2 == 1 ? RIGHT - size - w : LEFT + size;
        out.beginText();
        out.setFont(font, size);
        out.setRenderingMode(RenderingMode.FILL);
        out.setTextMatrix(Matrix.getTranslateInstance(x, BOTTOM - 7 * MM - size * 0.8f));
        out.showText(number);
        out.endText();
        out.close();
        out = null;
    }
}
