package org.oneseal.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.oneseal.shared.PdfFont;
import org.springframework.stereotype.Component;

/**
 * The PDF of a filled report: the Word document's body drawn with the embedded Chinese font (see {@link PdfPages}),
 * each figure followed by the superscript number of its trace, which the appendix 数据来源 at the end explains.
 */
@Component
class ReportPdf {

    private final PdfFont fonts;

    ReportPdf(PdfFont fonts) {
        this.fonts = fonts;
    }

    byte[] render(byte[] docx, Map<BigInteger, Integer> traceNumbers, String title) throws IOException {
        List<PdfBlocks.Block> blocks;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            blocks = PdfBlocks.read(doc, traceNumbers);
        }
        return fonts.render((document, font) -> {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("OneSeal");
            document.getDocumentCatalog().setLanguage("zh-CN");
            new PdfPages(document, font).write(blocks);
        });
    }
}
