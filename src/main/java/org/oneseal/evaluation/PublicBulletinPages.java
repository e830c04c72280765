package org.oneseal.evaluation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 好差评公示: the published monthly bulletins, for anyone, without personal data. */
@Controller
class PublicBulletinPages {

    private final Bulletins bulletins;

    PublicBulletinPages(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/evaluation-bulletins")
    String list(Model model) {
        model.addAttribute("bulletins", bulletins.published());
        return "evaluation/public-bulletins";
    }

    @GetMapping("/evaluation-bulletins/{month}/{region}")
    String one(@PathVariable String month, @PathVariable long region, Model model) {
        model.addAttribute("bulletin", bulletins.publicBulletin(month, region));
        return "evaluation/public-bulletin";
    }

    @GetMapping("/evaluation-bulletins/{month}/{region}/bulletin.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String month, @PathVariable long region) {
        RatingFigures.Bulletin b = bulletins.publicBulletin(month, region);
        return StaffEvaluationPages.download(bulletins.pdf(b), "bulletin-" + b.month() + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/evaluation-bulletins/{month}/{region}/bulletin.xlsx")
    ResponseEntity<byte[]> excel(@PathVariable String month, @PathVariable long region) {
        RatingFigures.Bulletin b = bulletins.publicBulletin(month, region);
        return StaffEvaluationPages.download(bulletins.excel(b), "bulletin-" + b.month() + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }
}
