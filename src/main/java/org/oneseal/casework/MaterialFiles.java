package org.oneseal.casework;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves submitted materials safely: only the content type found when the file was checked (PDF, PNG,
 * JPEG — never HTML), nosniff, and a sandboxing CSP so that nothing in a file can run.
 */
@Controller
class MaterialFiles {

    private final CaseQueries queries;

    /**
     * Images render in a sandbox; a PDF needs the browser's viewer, which a sandbox would block — nothing in
     * either can run as a page of this site (only PDF/PNG/JPEG are ever served, with nosniff).
     */
    static String policy(String contentType) {
        return "application/pdf".equals(contentType) ? "default-src 'none'; object-src 'self'"
                : "sandbox; default-src 'none'; img-src 'self'";
    }

    MaterialFiles(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping({"/workbench/cases/{caseId}/materials/{materialId}", "/me/cases/{caseId}/materials/{materialId}"})
    ResponseEntity<byte[]> file(@PathVariable long caseId, @PathVariable long materialId) {
        CaseMaterials.StoredFile file = queries.file(caseId, materialId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", policy(file.contentType()))
                .body(file.content());
    }
}
