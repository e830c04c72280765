package org.oneseal.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 好差评 over the API for staff, hall devices, the mobile app and the provincial platform: entered and pushed ratings,
 * rating sources, the rectification workflow, statistics, bulletins and annual scores.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "evaluation")
class EvaluationApi {

    private final ChannelRatings channels;
    private final Rectifications rectifications;
    private final RatingFigures figures;
    private final Bulletins bulletins;

    EvaluationApi(ChannelRatings channels, Rectifications rectifications, RatingFigures figures, Bulletins bulletins) {
        this.channels = channels;
        this.rectifications = rectifications;
        this.figures = figures;
        this.bulletins = bulletins;
    }

    @PostMapping("/evaluation/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "窗口登记纸质或电话评价", description = "{object: CASE|MATTER|WINDOW|STAFF|HALL|WEBSITE, ref: 办件编号/事项ID/"
            + "窗口ID/工作人员账号/区划ID, channel: PAPER|PHONE, faceToFace: true(见面)/false(不见面), level, reasons, comment, "
            + "indicators, raterName, raterPhone}；不能登记对本人服务的评价")
    ChannelRatings.Stored enter(@RequestBody ChannelRatings.EnteredRating rating) {
        return channels.enter(rating);
    }

    @PostMapping("/public/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "评价器、移动端、省平台推送评价", description = "Authorization: Bearer <评价来源令牌>；"
            + "{externalId (来源内唯一，重复推送返回409), object, ref (评价器可省略：默认其窗口), faceToFace, level, reasons, "
            + "comment, indicators, ratedAt, raterPhone}；评价保留其来源")
    ChannelRatings.Stored push(@Parameter(description = "Bearer <token>") @RequestHeader(name = "Authorization",
            required = false) String authorization, @RequestBody ChannelRatings.PushedRating rating,
            jakarta.servlet.http.HttpServletRequest request) {
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7).strip() : null;
        return channels.push(token, rating, request.getRemoteAddr());
    }

    @GetMapping("/evaluation/sources")
    @Operation(summary = "评价来源（评价器、移动端、省平台）")
    List<ChannelRatings.Source> sources() {
        return channels.sources();
    }

    @PostMapping("/evaluation/sources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记评价来源", description = "{code, name, kind: DEVICE|APP|PROVINCIAL, regionId, windowId}；"
            + "令牌只在此答复中出现一次")
    ChannelRatings.Source register(@RequestBody ChannelRatings.SourceRequest request) {
        return channels.register(request);
    }

    @GetMapping("/evaluation/rectifications")
    @Operation(summary = "差评整改：本人负责的，科长为本区域的", description = "state: OPEN（默认）| CLOSED | ALL")
    List<Rectifications.Item> rectifications(@RequestParam(required = false) String state) {
        return rectifications.list(state);
    }

    @GetMapping("/evaluation/rectifications/{id}")
    @Operation(summary = "一条差评整改及其全部经过")
    Rectifications.Item rectification(@PathVariable long id) {
        return rectifications.get(id);
    }

    @PostMapping("/evaluation/rectifications/{id}/classification")
    @Operation(summary = "核实并定性", description = "{verification, classification: IMMEDIATE(立行立改)|DEADLINE(限期整改)|"
            + "EXPLAIN(解释说明)|APPEAL(申诉复核), ledger (限期整改必填), deadline (限期整改必填，不超过15个工作日)}")
    Rectifications.Item classify(@PathVariable long id, @RequestBody Rectifications.Classification c) {
        return rectifications.classify(id, c);
    }

    /** The fix (or explanation) as recorded. */
    record Action(String action) {
    }

    @PostMapping("/evaluation/rectifications/{id}/action")
    @Operation(summary = "记录整改（或解释说明）情况")
    Rectifications.Item act(@PathVariable long id, @RequestBody Action a) {
        return rectifications.act(id, a.action());
    }

    @PostMapping("/evaluation/rectifications/{id}/callback")
    @Operation(summary = "记录回访结果", description = "{result: SATISFIED|BASICALLY|UNSATISFIED|UNREACHABLE, note}")
    Rectifications.Item callback(@PathVariable long id, @RequestBody Rectifications.Callback c) {
        return rectifications.callback(id, c);
    }

    @PostMapping("/evaluation/rectifications/{id}/closure")
    @Operation(summary = "办结整改（实名评价须先回访）")
    Rectifications.Item close(@PathVariable long id) {
        return rectifications.close(id);
    }

    @PostMapping("/evaluation/rectifications/{id}/appeal-decision")
    @Operation(summary = "申诉复核决定", description = "{exclude: true（剔除该评价，不计入统计）| false（驳回申诉）, reason}")
    Rectifications.Item decide(@PathVariable long id, @RequestBody Rectifications.AppealDecision d) {
        return rectifications.decideAppeal(id, d);
    }

    @GetMapping("/evaluation/statistics")
    @Operation(summary = "好差评统计", description = "期间（不超过一年）内的评价总量、好评率、差评数、差评及时整改率、回访率；"
            + "by: NONE|REGION|DEPARTMENT|MATTER|WINDOW|STAFF|CHANNEL|DAY|MONTH；可按区划、部门、窗口、工作人员、事项、渠道筛选")
    RatingFigures.Figures statistics(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String by, @RequestParam(required = false) Long region,
            @RequestParam(required = false) Long department, @RequestParam(required = false) Long window,
            @RequestParam(required = false) String staff, @RequestParam(required = false) Long matter,
            @RequestParam(required = false) String channel) {
        return figures.figures(new RatingFigures.Query(from, to, by, region, department, window, staff, matter, channel));
    }

    @GetMapping("/evaluation/bulletins/{month}")
    @Operation(summary = "月度通报（当前数据）", description = "month: yyyy-MM；窗口、部门、工作人员排名与差评整改情况")
    RatingFigures.Bulletin bulletin(@PathVariable String month, @RequestParam(required = false) Long region) {
        return figures.bulletin(month, region);
    }

    @PostMapping("/evaluation/bulletins/{month}/publication")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布月度通报（本区域，每月一次，月份结束后）")
    RatingFigures.Bulletin publish(@PathVariable String month) {
        return bulletins.publish(month);
    }

    @GetMapping("/evaluation/scores")
    @Operation(summary = "年度考核得分", description = "by: WINDOW|STAFF；好评率70分 + 差评及时整改率30分")
    List<RatingFigures.Score> scores(@RequestParam int year, @RequestParam String by) {
        return figures.annualScores(year, by);
    }

    @GetMapping("/public/evaluation-bulletins")
    @Operation(summary = "已发布的好差评月度通报（公开）")
    List<Bulletins.Published> published() {
        return bulletins.published();
    }

    @GetMapping("/public/evaluation-bulletins/{month}/{region}")
    @Operation(summary = "一期已发布的月度通报（公开，不含个人信息）")
    RatingFigures.Bulletin publicBulletin(@PathVariable String month, @PathVariable long region) {
        return bulletins.publicBulletin(month, region);
    }
}
