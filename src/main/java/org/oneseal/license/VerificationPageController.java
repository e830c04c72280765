package org.oneseal.license;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The public page /verify: enter a licence number (or arrive from the QR code with ?id=), or upload the PDF. */
@Controller
class VerificationPageController {

    private final LicenceVerification verification;

    VerificationPageController(LicenceVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify")
    String page(@RequestParam(required = false) String id, Model model) {
        if (id != null) {
            model.addAttribute("id", id.length() > 40 ? id.substring(0, 40) : id);
            show(model, verification.byId(id));
        }
        return "license/verify";
    }

    @PostMapping("/verify")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        byte[] bytes = file == null ? new byte[0]
                : file.getSize() > LicenceVerification.MAX_FILE_BYTES ? new byte[LicenceVerification.MAX_FILE_BYTES + 1]
                : file.getBytes();
        show(model, verification.byFile(bytes));
        model.addAttribute("uploaded", true);
        return "license/verify";
    }

    /** Plain values for the template (Verdict is package-private, out of the template engine's reach). */
    private static void show(Model model, Verdict verdict) {
        model.addAttribute("outcome", verdict.outcome().name());
        model.addAttribute("valid", verdict.valid());
        model.addAttribute("reason", verdict.reason());
        model.addAttribute("licence", verdict.licence());
    }
}
