package org.oneseal.matter;

import java.io.IOException;
import java.util.List;
import org.oneseal.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Excel export of the published catalogue and import of drafts. */
@Controller
@RequestMapping("/admin/matters")
class ExcelController {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CatalogueExport export;
    private final CatalogueImport importer;
    private final CurrentUser currentUser;
    private final MatterMessages messages;

    ExcelController(CatalogueExport export, CatalogueImport importer, CurrentUser currentUser, MatterMessages messages) {
        this.export = export;
        this.importer = importer;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export() {
        byte[] workbook = export.export(currentUser.scope());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("matters.xlsx").build().toString())
                .body(workbook);
    }

    @GetMapping("/import")
    String importForm() {
        return "matter/import";
    }

    @PostMapping("/import")
    String importWorkbook(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        List<ImportProblem> problems;
        if (file == null || file.isEmpty()) {
            problems = List.of(new ImportProblem("", 0, "", messages.chinese("matter.import.empty")));
        } else if (file.getSize() > MAX_BYTES) {
            problems = List.of(new ImportProblem("", 0, "", messages.chinese("matter.import.tooLarge", "2")));
        } else {
            try {
                importer.importWorkbook(currentUser.scope(), file.getBytes());
                redirect.addFlashAttribute("flash", "matter.flash.imported");
                return "redirect:/admin/matters?state=DRAFT";
            } catch (ImportRejected rejected) {
                problems = rejected.problems();
            }
        }
        model.addAttribute("problems", problems);
        return "matter/import";
    }
}
