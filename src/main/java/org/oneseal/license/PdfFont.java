package org.oneseal.license;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The CJK font embedded (as a subset) in every generated PDF: Noto Sans SC Regular (SIL OFL 1.1, see
 * fonts/OFL.txt), shipped with the application so that no font of the server is ever relied on.
 */
@Component
class PdfFont {

    static final String RESOURCE = "/fonts/NotoSansSC-Regular.ttf";
    private volatile byte[] bytes;

    PDType0Font load(PDDocument document) throws IOException {
        return PDType0Font.load(document, new java.io.ByteArrayInputStream(bytes()), true);
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
