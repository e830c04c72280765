package org.oneseal.matter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a draft needs before it may be published. Field-level format rules (lengths, ranges) are checked
 * when the draft is saved; these rules are about completeness and consistency of the whole version.
 */
final class PublicationRules {

    static final int MAX_VISITS = 5;

    private PublicationRules() {
    }

    static List<Problem> check(MatterElements e, boolean departmentInRegion) {
        List<Problem> problems = new ArrayList<>();
        required(problems, "name", e.name());
        required(problems, "implementingBody", e.implementingBody());
        required(problems, "legalBasis", e.legalBasis());
        required(problems, "conditions", e.conditions());
        required(problems, "flow", e.flow());
        required(problems, "serviceCommitment", e.serviceCommitment());
        required(problems, "enquiryPhone", e.enquiryPhone());
        required(problems, "complaintPhone", e.complaintPhone());
        if (e.type() == null || e.competence() == null || e.serviceObject() == null || e.handlingKind() == null) {
            problems.add(new Problem("type", "matter.rule.classification"));
        }
        if (!departmentInRegion) {
            problems.add(new Problem("departmentId", "matter.rule.department"));
        }
        if (e.handlingForms().isEmpty()) {
            problems.add(new Problem("handlingForms", "matter.rule.handlingForms"));
        }
        limits(problems, e);
        fees(problems, e);
        materials(problems, e);
        procedures(problems, e);
        reform(problems, e);
        if (!e.tongbanModes().isEmpty() && !e.cityWide() && !e.crossProvince()) {
            problems.add(new Problem("tongbanModes", "matter.rule.tongban"));
        }
        if (!e.commitmentCheck().valid()) {
            boolean days = e.commitmentCheck().workingDays() < 1 || e.commitmentCheck().workingDays() > 250;
            problems.add(new Problem(days ? "checkWorkingDays" : "checkPercent", "matter.rule.commitmentCheck"));
        }
        return problems;
    }

    /**
     * 证照分离: a mode names its list and basis; the list is of enterprise operating permits; an approval that
     * was cancelled says what replaced it (and is no longer applied for, so it needs no process of its own).
     */
    private static void reform(List<Problem> problems, MatterElements e) {
        if (e.reformMode() == null) {
            if (e.reformListVersion() != null || e.reformBasis() != null || e.replacedBy() != null) {
                problems.add(new Problem("reformMode", "matter.rule.reformModeMissing"));
            }
            return;
        }
        if (e.reformListVersion() == null) {
            problems.add(new Problem("reformListVersion", "matter.rule.reformListVersion"));
        }
        if (e.reformBasis() == null) {
            problems.add(new Problem("reformBasis", "matter.rule.reformBasis"));
        }
        if (e.serviceObject() == ServiceObject.PERSON) {
            problems.add(new Problem("reformMode", "matter.rule.reformEnterprise"));
        }
        if (e.reformMode() == ReformMode.CANCELLED && e.replacedBy() == null) {
            problems.add(new Problem("replacedBy", "matter.rule.replacedBy"));
        }
        if (e.reformMode() != ReformMode.CANCELLED && e.replacedBy() != null) {
            problems.add(new Problem("replacedBy", "matter.rule.replacedByOnlyCancelled"));
        }
    }

    private static void limits(List<Problem> problems, MatterElements e) {
        if (e.legalLimitDays() < 1) {
            problems.add(new Problem("legalLimitDays", "matter.rule.legalLimit"));
        }
        if (e.promisedLimitDays() > e.legalLimitDays()) {
            problems.add(new Problem("promisedLimitDays", "matter.rule.promisedAboveLegal",
                    String.valueOf(e.promisedLimitDays()), String.valueOf(e.legalLimitDays())));
        }
        if (e.handlingKind() == HandlingKind.IMMEDIATE && e.promisedLimitDays() != 0) {
            problems.add(new Problem("promisedLimitDays", "matter.rule.immediate"));
        }
        if (e.handlingKind() == HandlingKind.PROMISED && e.promisedLimitDays() < 1) {
            problems.add(new Problem("promisedLimitDays", "matter.rule.promised"));
        }
        if (e.onsiteVisits() < 0 || e.onsiteVisits() > MAX_VISITS) {
            problems.add(new Problem("onsiteVisits", "matter.rule.visits", String.valueOf(MAX_VISITS)));
        }
        boolean remote = e.handlingForms().contains(HandlingForm.ONLINE) || e.handlingForms().contains(HandlingForm.MAIL);
        if (e.onsiteVisits() == 0 && !remote) {
            problems.add(new Problem("onsiteVisits", "matter.rule.noVisitNeedsRemote"));
        }
        if (e.online() && !e.handlingForms().contains(HandlingForm.ONLINE)) {
            problems.add(new Problem("online", "matter.rule.onlineForm"));
        }
    }

    private static void fees(List<Problem> problems, MatterElements e) {
        if (!e.free() && (e.feeAmount() == null || e.feeAmount().compareTo(BigDecimal.ZERO) <= 0
                || blank(e.feeBasis()))) {
            problems.add(new Problem("feeAmount", "matter.rule.fee"));
        }
    }

    /** Every matter lists its materials, except a public service (公共服务) that may need none. */
    private static void materials(List<Problem> problems, MatterElements e) {
        if (e.materials().isEmpty() && e.type() != MatterType.PUBLIC_SERVICE) {
            problems.add(new Problem("materials", "matter.rule.materials"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < e.materials().size(); i++) {
            MatterElements.Material m = e.materials().get(i);
            if (blank(m.name()) || blank(m.code())) {
                problems.add(new Problem("materials", "matter.rule.materialIncomplete", String.valueOf(i + 1)));
            } else if (!codes.add(m.code())) {
                problems.add(new Problem("materials", "matter.rule.materialCode", m.code()));
            }
        }
    }

    private static void procedures(List<Problem> problems, MatterElements e) {
        for (int i = 0; i < e.specialProcedures().size(); i++) {
            MatterElements.Procedure p = e.specialProcedures().get(i);
            if (blank(p.name()) || p.maxWorkingDays() < 1) {
                problems.add(new Problem("specialProcedures", "matter.rule.procedure", String.valueOf(i + 1)));
            }
        }
    }

    private static void required(List<Problem> problems, String field, String value) {
        if (blank(value)) {
            problems.add(new Problem(field, "matter.rule.required", "matter.field." + field));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
