package org.oneseal.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The CJK font embedded (as a subset) in every generated PDF: Noto Sans SC Regular (SIL OFL 1.1, see
 * fonts/OFL.txt), shipped with the application so that no font of the server is ever relied on.
 *
 * <p>Parsing the 10 MB font took most of the time of a licence before it was kept: parsed fonts are now
 * reused. A parsed font is not safe for concurrent use (its tables are read lazily, and the subset is cut
 * from it when the document is saved), so each document borrows one for its whole rendering; a few stay
 * parsed for the next documents. Licences, decisions and the evaluation bulletin are drawn with it.
 */
@Component
public class PdfFont {

    static final String RESOURCE = "/fonts/NotoSansSC-Regular.ttf";
    private static final int KEPT = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ConcurrentLinkedQueue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile byte[] bytes;

    /** What a document draws, given its font. */
    @FunctionalInterface
    public interface Drawing {
        void draw(PDDocument document, PDType0Font font) throws IOException;
    }

    /** A new document drawn with the font, saved: the PDF's bytes. */
    public byte[] render(Drawing drawing) throws IOException {
        TrueTypeFont ttf = borrow();
        try (PDDocument document = new PDDocument()) {
            drawing.draw(document, PDType0Font.load(document, ttf, true));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } finally {
            release(ttf);
        }
    }

    private TrueTypeFont borrow() throws IOException {
        TrueTypeFont ttf = idle.poll();
        if (ttf != null) {
            idleCount.decrementAndGet();
            return ttf;
        }
        TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
        // no glyph substitution: horizontal Chinese and Latin text needs none (Noto Sans SC's default glyphs
        // are the simplified forms), and shaping every string took a sixth of a licence's rendering time
        parsed.setEnableGsub(false);
        return parsed;
    }

    private void release(TrueTypeFont ttf) {
        if (idleCount.incrementAndGet() <= KEPT) {
            idle.offer(ttf);
        } else {
            idleCount.decrementAndGet();
            try {
                ttf.close();
            } catch (IOException e) {
                // a spare font that cannot be closed is only garbage: the document is made either way
            }
        }
    }

    private byte[] bytes() {
        byte[] loaded = bytes;
        if (loaded == null) {
            try (InputStream in = PdfFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the PDF font " + RESOURCE + " is missing from the application");
                }
                loaded = in.readAllBytes();
                bytes = loaded;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }
}
