package org.oneseal.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 好差评 over the API: the rating scheme, and the applicant's ratings of their case steps. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "evaluation")
class RatingApi {

    private final Ratings ratings;

    RatingApi(Ratings ratings) {
        this.ratings = ratings;
    }

    @GetMapping("/public/rating-scheme")
    @Operation(summary = "评价标准（五级及各级原因，现行版本）")
    Ratings.Scheme scheme() {
        return ratings.scheme();
    }

    @PostMapping("/evaluation/schemes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布新版评价标准", description = "{levels: {1..5: {name, reasons: {编码: 原因}}}, indicators: "
            + "{ONLINE: {编码: 指标}, IN_PERSON: {编码: 指标}}}；已有评价保留其版本")
    Ratings.Scheme publishScheme(@RequestBody Ratings.SchemeRequest request) {
        return ratings.publishScheme(request);
    }

    @PostMapping("/cases/mine/{id}/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "评价本人办件的一个环节", description = "{step: RECEPTION/ACCEPTANCE/CONCLUSION, level: 1–5, "
            + "reasons: [该等级的原因编码], comment}；每个环节只能评价一次；差评（1、2级）须选择原因，并转整改")
    Ratings.RatingView rate(@PathVariable long id, @RequestBody Ratings.RatingRequest request) {
        return ratings.rateCase(id, request);
    }

    @GetMapping("/cases/mine/{id}/ratings")
    @Operation(summary = "本人对该办件的评价")
    List<Ratings.RatingView> mine(@PathVariable long id) {
        return ratings.myRatings(id);
    }
}
