package org.oneseal.matter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The draft editor's form: every element of a version, with rows of materials, special procedures and
 * questions. The codes and region are used only when a matter is created. Life events are typed
 * separated by commas (，or ,).
 */
record DraftForm(String matterCode, String implementationCode, Long regionId,
                 @NotBlank @Size(max = 200) String name, @NotNull MatterType type, @NotNull Long departmentId,
                 @Size(max = 200) String implementingBody, @NotNull CompetenceLevel competence, Boolean transferred,
                 Boolean delegated, @Size(max = 2000) String legalBasis, @NotNull ServiceObject serviceObject,
                 List<HandlingForm> handlingForms, @NotNull HandlingKind handlingKind,
                 @NotBlank(message = "{matter.error.number}") @Pattern(regexp = "\\d{1,3}", message = "{matter.error.number}") String legalLimitDays,
                 @NotBlank(message = "{matter.error.number}") @Pattern(regexp = "\\d{1,3}", message = "{matter.error.number}") String promisedLimitDays,
                 @NotBlank(message = "{matter.error.number}") @Pattern(regexp = "\\d{1,3}", message = "{matter.error.number}") String onsiteVisits, Boolean free,
                 @Pattern(regexp = "(\\d{1,8}(\\.\\d{1,2})?)?", message = "{matter.error.amount}") String feeAmount, @Size(max = 500) String feeBasis,
                 @Size(max = 4000) String conditions, @Size(max = 4000) String flow,
                 @Size(max = 1000) String serviceCommitment,
                 @Size(max = 40) @Pattern(regexp = "[0-9+\\- ]*") String enquiryPhone,
                 @Size(max = 40) @Pattern(regexp = "[0-9+\\- ]*") String complaintPhone, Boolean online,
                 Boolean certificateFree, Boolean cityWide, Boolean crossProvince, Boolean bundleMember,
                 ReformMode reformMode, @Size(max = 100) String reformListVersion, @Size(max = 300) String reformBasis,
                 @Size(max = 500) String replacedBy, DeferralRule deferralRule, CommitmentCheck.Method checkMethod,
                 @Pattern(regexp = "\\d{0,3}", message = "{matter.error.number}") String checkPercent,
                 @Pattern(regexp = "\\d{0,3}", message = "{matter.error.number}") String checkWorkingDays,
                 List<TongbanMode> tongbanModes, @Size(max = 300) String lifeEvents,
                 @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_-]*") String processKey,
                 @Size(max = 100) String licenceKind, @Valid List<MaterialRow> materials,
                 @Valid List<ProcedureRow> procedures, @Valid List<QuestionRow> questions) {

    static final int MAX_ROWS = 40;

    DraftForm {
        transferred = yes(transferred);
        delegated = yes(delegated);
        free = yes(free);
        online = yes(online);
        certificateFree = yes(certificateFree);
        cityWide = yes(cityWide);
        crossProvince = yes(crossProvince);
        bundleMember = yes(bundleMember);
        handlingForms = handlingForms == null ? new ArrayList<>() : new ArrayList<>(handlingForms);
        materials = rows(materials);
        procedures = rows(procedures);
        questions = rows(questions);
    }

    private static <T> List<T> rows(List<T> list) {
        List<T> copy = new ArrayList<>();
        if (list != null) {
            list.stream().filter(java.util.Objects::nonNull).limit(MAX_ROWS).forEach(copy::add);
        }
        return copy;
    }

    record MaterialRow(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 200) String name, Boolean required,
                       Boolean keyMaterial, Boolean original, Boolean electronicAccepted, Boolean obtainableBySharing,
                       Boolean replaceableByCommitment, @Pattern(regexp = "\\d{0,2}", message = "{matter.error.number}") String copies,
                       @Size(max = 300) @Pattern(regexp = "(https?://\\S+)?") String templateUrl,
                       @Size(max = 500) String example, @Size(max = 500) String note) {

        MaterialRow {
            required = yes(required);
            keyMaterial = yes(keyMaterial);
            original = yes(original);
            electronicAccepted = yes(electronicAccepted);
            obtainableBySharing = yes(obtainableBySharing);
            replaceableByCommitment = yes(replaceableByCommitment);
            copies = copies == null || copies.isBlank() ? "1" : copies;
        }
    }

    record ProcedureRow(@NotBlank @Size(max = 100) String name, @NotBlank(message = "{matter.error.number}") @Pattern(regexp = "\\d{1,3}", message = "{matter.error.number}") String maxWorkingDays,
                        Boolean countsTowardLimit, @Size(max = 500) String legalBasis) {

        ProcedureRow {
            countsTowardLimit = yes(countsTowardLimit);
        }
    }

    record QuestionRow(@NotBlank @Size(max = 300) String question, @NotBlank @Size(max = 2000) String answer) {
    }

    static DraftForm blank(long regionId, CompetenceLevel competence) {
        return new DraftForm("", "", regionId, "", MatterType.LICENSING, null, "", competence, false, false, "",
                ServiceObject.BOTH, List.of(HandlingForm.WINDOW, HandlingForm.ONLINE), HandlingKind.PROMISED, "20", "10",
                "1", true, null, "", "", "", "", "", "", true, false, false, false, false, null, "", "", "", DeferralRule.SUSPEND, CommitmentCheck.Method.DATA_CHECK, "100", "20", List.of(), "",
                MatterElements.DEFAULT_PROCESS, "", List.of(), List.of(), List.of());
    }

    static DraftForm of(EditableVersion v) {
        MatterElements e = v.elements();
        return new DraftForm(v.matterCode(), v.implementationCode(), v.regionId(), e.name(), e.type(), e.departmentId(),
                e.implementingBody(), e.competence(), e.transferred(), e.delegated(), e.legalBasis(), e.serviceObject(),
                e.handlingForms(), e.handlingKind(), "" + e.legalLimitDays(), "" + e.promisedLimitDays(), "" + e.onsiteVisits(),
                e.free(), e.feeAmount() == null ? "" : e.feeAmount().toPlainString(), e.feeBasis(), e.conditions(), e.flow(), e.serviceCommitment(),
                e.enquiryPhone(), e.complaintPhone(), e.online(), e.certificateFree(), e.cityWide(), e.crossProvince(),
                e.bundleMember(), e.reformMode(), e.reformListVersion(), e.reformBasis(), e.replacedBy(), e.deferralRule(),
                e.commitmentCheck().method(), "" + e.commitmentCheck().percent(), "" + e.commitmentCheck().workingDays(),
                e.tongbanModes(),
                String.join("，", e.lifeEvents()), e.processKey(), e.licenceKind(),
                e.materials().stream().map(m -> new MaterialRow(m.code(), m.name(), m.required(), m.keyMaterial(),
                        m.original(), m.electronicAccepted(), m.obtainableBySharing(), m.replaceableByCommitment(),
                        "" + m.copies(), m.templateUrl(), m.example(), m.note())).toList(),
                e.specialProcedures().stream().map(p -> new ProcedureRow(p.name(), "" + p.maxWorkingDays(),
                        p.countsTowardLimit(), p.legalBasis())).toList(),
                e.questions().stream().map(q -> new QuestionRow(q.question(), q.answer())).toList());
    }

    MatterElements elements() {
        return new MatterElements(trim(name), type, departmentId, null, trim(implementingBody), competence, transferred,
                delegated, trim(legalBasis), serviceObject, handlingForms, handlingKind, Integer.parseInt(legalLimitDays),
                Integer.parseInt(promisedLimitDays), Integer.parseInt(onsiteVisits),
                procedures.stream().map(p -> new MatterElements.Procedure(trim(p.name()), Integer.parseInt(p.maxWorkingDays()), p.countsTowardLimit(), trim(p.legalBasis()))).toList(),
                free, free || trim(feeAmount) == null ? null : new BigDecimal(feeAmount.trim()), free ? null : trim(feeBasis), trim(conditions),
                materials.stream().map(m -> new MatterElements.Material(trim(m.code()), trim(m.name()), m.required(),
                        m.keyMaterial(), m.original(), m.electronicAccepted(), m.obtainableBySharing(),
                        m.replaceableByCommitment(), Integer.parseInt(m.copies()), trim(m.templateUrl()), trim(m.example()),
                        trim(m.note()))).toList(),
                trim(flow), questions.stream().map(q -> new MatterElements.QuestionAnswer(trim(q.question()),
                        trim(q.answer()))).toList(), trim(serviceCommitment), trim(enquiryPhone), trim(complaintPhone),
                online, certificateFree, cityWide, crossProvince, bundleMember, reformMode, trim(reformListVersion),
                trim(reformBasis), trim(replacedBy), deferralRule,
                new CommitmentCheck(checkMethod, number(checkPercent, 100), number(checkWorkingDays, 20)), tongbanModes,
                lifeEvents == null ? List.of() : Arrays.asList(lifeEvents.split("[,，、]")), processKey,
                licenceKind);
    }

    /** Applies an editor action (add or remove a row) and answers the changed form. */
    DraftForm apply(String action) {
        List<MaterialRow> m = new ArrayList<>(materials);
        List<ProcedureRow> p = new ArrayList<>(procedures);
        List<QuestionRow> q = new ArrayList<>(questions);
        switch (action.replaceAll("-\\d{1,3}$", "")) {
            case "addMaterial" -> m.add(new MaterialRow("M%02d".formatted(m.size() + 1), "", true, false, false, true,
                    false, false, "1", "", "", ""));
            case "removeMaterial" -> remove(m, action);
            case "addProcedure" -> p.add(new ProcedureRow("", "5", false, ""));
            case "removeProcedure" -> remove(p, action);
            case "addQuestion" -> q.add(new QuestionRow("", ""));
            case "removeQuestion" -> remove(q, action);
            default -> {
            }
        }
        return new DraftForm(matterCode, implementationCode, regionId, name, type, departmentId, implementingBody,
                competence, transferred, delegated, legalBasis, serviceObject, handlingForms, handlingKind,
                legalLimitDays, promisedLimitDays, onsiteVisits, free, feeAmount, feeBasis, conditions, flow,
                serviceCommitment, enquiryPhone, complaintPhone, online, certificateFree, cityWide, crossProvince,
                bundleMember, reformMode, reformListVersion, reformBasis, replacedBy, deferralRule, checkMethod, checkPercent,
                checkWorkingDays, tongbanModes, lifeEvents, processKey,
                licenceKind,
                m, p, q);
    }

    private static void remove(List<?> rows, String action) {
        int index = Integer.parseInt(action.substring(action.lastIndexOf('-') + 1));
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    private static int number(String text, int otherwise) {
        return text == null || text.isBlank() ? otherwise : Integer.parseInt(text.strip());
    }

    private static Boolean yes(Boolean b) {
        return b != null && b;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
