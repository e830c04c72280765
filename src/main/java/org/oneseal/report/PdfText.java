package org.oneseal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Turns styled text into the units the {@link LineBreaker} breaks between: each CJK character alone, each run of
 * Latin letters, digits and ASCII signs as one word, each space, with a superscript (a trace number) glued to what
 * precedes it. Characters the embedded font lacks are drawn as □ rather than failing the report.
 */
final class PdfText {

    /** A piece drawn in one go: text, size, bold (drawn with a stroke: the font has one weight), raised or not. */
    record Piece(String text, float size, boolean bold, boolean sup) {
    }

    /** A unit of line breaking. {@code newline} marks a forced break (it has no width and is never drawn). */
    record Unit(List<Piece> pieces, float width, boolean space, boolean newline, int first, int last)
            implements LineBreaker.Unit {
    }

    static final float SUPERSCRIPT_SCALE = 0.6f;
    private static final String MISSING = "□";

    private final PDType0Font font;
    private final Map<Integer, Float> widths = new HashMap<>();

    PdfText(PDType0Font font) {
        this.font = font;
    }

    /** The units of a sequence of spans, at {@code size} for spans of no size of their own. */
    List<Unit> units(List<PdfBlocks.Span> spans, float size, boolean allBold) {
        List<Unit> units = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        PdfBlocks.Span wordSpan = null;
        for (PdfBlocks.Span span : spans) {
            float s = span.size() == null ? size : span.size().floatValue();
            boolean bold = allBold || span.bold();
            if (span.sup()) {
                flush(units, word, wordSpan, size, allBold);
                Piece raised = new Piece(drawable(span.text()), s * SUPERSCRIPT_SCALE, false, true);
                float w = width(raised.text(), raised.size());
                if (units.isEmpty() || units.getLast().space() || units.getLast().newline()) {
                    units.add(new Unit(List.of(raised), w, false, false, '0', '0'));
                } else {
                    Unit last = units.removeLast();
                    List<Piece> pieces = new ArrayList<>(last.pieces());
                    pieces.add(raised);
                    units.add(new Unit(pieces, last.width() + w, false, false, last.first(), last.last()));
                }
                continue;
            }
            for (int i = 0; i < span.text().length(); ) {
                int c = span.text().codePointAt(i);
                i += Character.charCount(c);
                if (c > ' ' && c < 127) {
                    if (wordSpan != null && wordSpan != span) {
                        flush(units, word, wordSpan, size, allBold);
                    }
                    word.appendCodePoint(c);
                    wordSpan = span;
                    continue;
                }
                flush(units, word, wordSpan, size, allBold);
                wordSpan = null;
                if (c == '\n' || c == '\r') {
                    units.add(new Unit(List.of(), 0, false, true, c, c));
                } else if (c == ' ' || c == '\t' || c == '\u00a0' || (Character.isWhitespace(c) && c != '\u3000')) {
                    units.add(new Unit(List.of(new Piece(" ", s, bold, false)), width(" ", s), true, false, ' ', ' '));
                } else {
                    String text = drawable(Character.toString(c));
                    units.add(new Unit(List.of(new Piece(text, s, bold, false)), width(text, s), false, false, c, c));
                }
            }
            flush(units, word, wordSpan, size, allBold);
            wordSpan = null;
        }
        return units;
    }

    private void flush(List<Unit> units, StringBuilder word, PdfBlocks.Span span, float size, boolean allBold) {
        if (word.isEmpty()) {
            return;
        }
        float s = span.size() == null ? size : span.size().floatValue();
        String text = word.toString();
        units.add(new Unit(List.of(new Piece(text, s, allBold || span.bold(), false)), width(text, s), false, false,
                text.codePointAt(0), text.codePointBefore(text.length())));
        word.setLength(0);
    }

    /** Splits a too long word (a long number or address) into pieces that fit {@code max}. */
    List<Unit> fitted(List<Unit> units, float max) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (u.width() <= max || u.pieces().size() != 1 || u.pieces().getFirst().text().length() < 2) {
                out.add(u);
                continue;
            }
            Piece p = u.pieces().getFirst();
            p.text().codePoints().forEach(c -> {
                String t = Character.toString(c);
                out.add(new Unit(List.of(new Piece(t, p.size(), p.bold(), false)), width(t, p.size()), false, false,
                        c, c));
            });
        }
        return out;
    }

    float width(String text, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            w += widths.computeIfAbsent(c, this::glyphWidth);
        }
        return w * size / 1000;
    }

    private float glyphWidth(int c) {
        try {
            return font.getStringWidth(Character.toString(c));
        } catch (IllegalArgumentException e) {
            return c == MISSING.codePointAt(0) ? 1000 : glyphWidth(MISSING.codePointAt(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character the font cannot draw replaced by □. */
    String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(canDraw(c) ? Character.toString(c) : MISSING));
        return out.toString();
    }

    private final Map<Integer, Boolean> drawable = new HashMap<>();

    private boolean canDraw(int c) {
        return drawable.computeIfAbsent(c, x -> {
            if (Character.isISOControl(x)) {
                return false;
            }
            try {
                font.encode(Character.toString(x));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }
}
