package org.oneseal.matter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.oneseal.shared.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalogue API (no login): search published matters and read a service guide. */
@RestController
@RequestMapping(path = "/api/v1/public/matters", produces = "application/json")
@Tag(name = "matters", description = "matter.api.tag")
class GuideApiController {

    private final MatterCatalogue catalogue;

    GuideApiController(MatterCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** One hit of the search. */
    record MatterSummary(long matterId, String matterCode, String implementationCode, long regionId, String name,
                         String department, ServiceObject serviceObject, int legalLimitDays, int promisedLimitDays,
                         int onsiteVisits, boolean online) {
    }

    /** A service guide: every element of the current published version. */
    record Guide(long matterId, long versionId, int versionNumber, String matterCode, String implementationCode,
                 long regionId, Instant publishedAt, String name, MatterType type, String department,
                 String implementingBody, CompetenceLevel competence, boolean transferred, boolean delegated,
                 String legalBasis, ServiceObject serviceObject, List<HandlingForm> handlingForms,
                 HandlingKind handlingKind, int legalLimitDays, int promisedLimitDays, int onsiteVisits,
                 List<SpecialProcedureView> specialProcedures, boolean free, BigDecimal feeAmount, String feeBasis,
                 String conditions, List<MatterElements.Material> materials, String flow,
                 List<MatterElements.QuestionAnswer> questions, String serviceCommitment, String enquiryPhone,
                 String complaintPhone, boolean online, boolean certificateFree, boolean cityWide,
                 boolean crossProvince, boolean bundleMember, ReformMode reformMode, String reformListVersion,
                 String reformBasis, String replacedBy, List<String> lifeEvents,
                 String licenceKind) {
    }

    @GetMapping
    @Operation(summary = "matter.api.search.summary", description = "matter.api.search.description")
    @ApiResponse(responseCode = "200", description = "matter.api.response.200")
    List<MatterSummary> search(@Parameter(description = "matter.api.param.q", example = "食品") @RequestParam(required = false) String q,
            @Parameter(description = "matter.api.param.department") @RequestParam(required = false) Long department,
            @Parameter(description = "matter.api.param.serviceObject") @RequestParam(required = false) ServiceObject serviceObject,
            @Parameter(description = "matter.api.param.lifeEvent", example = "开办餐馆") @RequestParam(required = false) String lifeEvent,
            @Parameter(description = "matter.api.param.region") @RequestParam(required = false) Long region) {
        String keyword = q != null && q.length() > 50 ? q.substring(0, 50) : q;
        return catalogue.search(new GuideQuery(keyword, department, serviceObject, lifeEvent, region)).stream()
                .map(s -> new MatterSummary(s.matterId(), s.matterCode(), s.implementationCode(), s.regionId(), s.name(),
                        s.departmentName(), s.serviceObject(), s.legalLimitDays(), s.promisedLimitDays(),
                        s.onsiteVisits(), s.online()))
                .toList();
    }

    @GetMapping("/{matterId}")
    @Operation(summary = "matter.api.guide.summary", description = "matter.api.guide.description")
    @ApiResponse(responseCode = "200", description = "matter.api.response.200")
    @ApiResponse(responseCode = "404", description = "matter.api.response.404",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Guide guide(@Parameter(description = "matter.api.param.matterId") @PathVariable long matterId) {
        ServiceGuide g = catalogue.guide(matterId).orElseThrow(() -> new NotFoundException("guide " + matterId));
        MatterElements e = g.elements();
        return new Guide(g.matterId(), g.versionId(), g.versionNumber(), g.matterCode(), g.implementationCode(),
                g.regionId(), g.publishedAt(), e.name(), e.type(), e.departmentName(), e.implementingBody(),
                e.competence(), e.transferred(), e.delegated(), e.legalBasis(), e.serviceObject(), e.handlingForms(),
                e.handlingKind(), e.legalLimitDays(), e.promisedLimitDays(), e.onsiteVisits(),
                e.specialProcedures().stream().map(MatterElements.Procedure::view).toList(), e.free(), e.feeAmount(),
                e.feeBasis(), e.conditions(), e.materials(), e.flow(), e.questions(), e.serviceCommitment(),
                e.enquiryPhone(), e.complaintPhone(), e.online(), e.certificateFree(), e.cityWide(), e.crossProvince(),
                e.bundleMember(), e.reformMode(), e.reformListVersion(), e.reformBasis(), e.replacedBy(), e.lifeEvents(),
                e.licenceKind());
    }
}
