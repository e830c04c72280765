package org.oneseal.license;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/** Drawing helpers on one PDF page: text (wrapped), the red round seal and a vector QR code. */
final class PdfCanvas {

    static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);
    private final PDPageContentStream stream;
    private final PDFont font;

    PdfCanvas(PDPageContentStream stream, PDFont font) {
        this.stream = stream;
        this.font = font;
    }

    void text(String text, float x, float y, float size) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    void centred(String text, float centreX, float y, float size) throws IOException {
        text(text, centreX - width(text, size) / 2, y, size);
    }

    /** Writes the text wrapped to the width; returns the y below the last line. */
    float paragraph(String text, float x, float y, float maxWidth, float size) throws IOException {
        float line = y;
        for (String part : wrap(text, maxWidth, size)) {
            text(part, x, line, size);
            line -= size * 1.6f;
        }
        return line;
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    List<String> wrap(String text, float maxWidth, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                String next = current + new String(Character.toChars(cp));
                if (width(next, size) > maxWidth && !current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                    continue;
                }
                current.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            lines.add(current.toString());
        }
        return lines;
    }

    /** The bureau's round seal: red ring, the holder's name along the upper arc, a five-pointed star. */
    void seal(String holder, float cx, float cy, float radius) throws IOException {
        stream.saveGraphicsState();
        stream.setStrokingColor(SEAL_RED);
        stream.setNonStrokingColor(SEAL_RED);
        stream.setLineWidth(radius * 0.06f);
        circle(cx, cy, radius);
        stream.stroke();
        star(cx, cy, radius * 0.3f);
        arcText(holder, cx, cy, radius * 0.72f, radius * 0.2f);
        stream.restoreGraphicsState();
    }

    private void circle(float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        stream.moveTo(cx + r, cy);
        stream.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        stream.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        stream.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        stream.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        stream.closePath();
    }

    private void star(float cx, float cy, float outer) throws IOException {
        float inner = outer * 0.382f;
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float r = i % 2 == 0 ? outer : inner;
            float x = cx + (float) (r * Math.cos(angle));
            float y = cy + (float) (r * Math.sin(angle));
            if (i == 0) {
                stream.moveTo(x, y);
            } else {
                stream.lineTo(x, y);
            }
        }
        stream.closePath();
        stream.fill();
    }

    /** Characters spread over 240° of the upper arc, each upright towards the centre. */
    private void arcText(String text, float cx, float cy, float r, float size) throws IOException {
        int[] chars = text.codePoints().toArray();
        double span = Math.toRadians(Math.min(240, 24.0 * chars.length));
        for (int i = 0; i < chars.length; i++) {
            double theta = chars.length == 1 ? 0 : -span / 2 + span * i / (chars.length - 1);
            String ch = new String(Character.toChars(chars[i]));
            float x = cx + (float) (r * Math.sin(theta));
            float y = cy + (float) (r * Math.cos(theta));
            Matrix m = Matrix.getRotateInstance(-theta, x, y);
            m.translate(-width(ch, size) / 2, -size * 0.35f);
            stream.beginText();
            stream.setFont(font, size);
            stream.setTextMatrix(m);
            stream.showText(ch);
            stream.endText();
        }
    }

    /** A QR code of the content drawn as black squares, with its lower left corner at (x, y). */
    void qrCode(String content, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the QR code", e);
        }
        float module = size / matrix.getWidth();
        stream.saveGraphicsState();
        stream.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    stream.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        stream.fill();
        stream.restoreGraphicsState();
    }

    void rule(float x1, float y, float x2) throws IOException {
        stream.setLineWidth(0.6f);
        stream.moveTo(x1, y);
        stream.lineTo(x2, y);
        stream.stroke();
    }
}
