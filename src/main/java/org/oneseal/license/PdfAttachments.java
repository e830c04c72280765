package org.oneseal.license;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * The signed data travels inside the PDF as embedded files (PDF attachments, stored unfiltered): the
 * canonical bytes and the DER signature, readable with any PDF reader's attachment panel or
 * {@code pdfdetach -saveall}.
 */
final class PdfAttachments {

    static final String DATA = "oneseal-signed-data.txt";
    static final String SIGNATURE = "oneseal-signature.sig";

    private PdfAttachments() {
    }

    static void embed(PDDocument document, Map<String, byte[]> files) throws IOException {
        Map<String, PDComplexFileSpecification> specs = new LinkedHashMap<>();
        for (var file : files.entrySet()) {
            PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(file.getValue()));
            embedded.setSubtype(file.getKey().endsWith(".txt") ? "text/plain" : "application/octet-stream");
            embedded.setSize(file.getValue().length);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(file.getKey());
            spec.setFileUnicode(file.getKey());
            spec.setEmbeddedFile(embedded);
            spec.setEmbeddedFileUnicode(embedded);
            specs.put(file.getKey(), spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(specs);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
    }

    /** The attachments of a PDF by name; empty when it has none. Throws IOException for a file PDFBox cannot read. */
    static Map<String, byte[]> extract(byte[] pdf) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            if (names != null && names.getEmbeddedFiles() != null) {
                collect(names.getEmbeddedFiles(), files);
            }
        }
        return files;
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, Map<String, byte[]> files) throws IOException {
        if (node.getNames() != null) {
            for (var entry : node.getNames().entrySet()) {
                PDEmbeddedFile file = entry.getValue().getEmbeddedFile();
                if (file != null) {
                    files.put(entry.getKey(), file.toByteArray());
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, files);
            }
        }
    }
}
