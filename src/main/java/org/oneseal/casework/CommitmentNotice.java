package org.oneseal.casework;

import java.util.List;
import java.util.stream.Collectors;
import org.oneseal.matter.MaterialRequirementView;
import org.oneseal.matter.ServiceGuide;

/**
 * 告知承诺书: the written notice an applicant signs instead of proving — what must be true, the proof waived, the
 * liability for a false commitment. Its version names the matter version and the notice template, so that the
 * text signed can always be told apart from a later one.
 *
 * @param waivedCodes  materials the commitment replaces (marked "replaceable by a commitment" on the matter)
 */
public record CommitmentNotice(String version, String text, List<String> waivedCodes, List<String> waivedNames) {

    /** Version of the template below; raise it whenever its wording changes. */
    static final int TEMPLATE = 1;

    /** The notice of the matter's current published version, or null when nothing can be replaced by a commitment. */
    static CommitmentNotice of(ServiceGuide guide, List<MaterialRequirementView> materials) {
        List<MaterialRequirementView> waived = materials.stream().filter(MaterialRequirementView::replaceableByCommitment)
                .toList();
        if (waived.isEmpty()) {
            return null;
        }
        String version = guide.implementationCode() + "-V" + guide.versionNumber() + "-T" + TEMPLATE;
        List<String> names = waived.stream().map(MaterialRequirementView::name).toList();
        String text = """
                告知承诺书（版本 %s）
                一、申请事项：%s（实施编码 %s）。
                二、审批机关告知的许可条件：%s
                三、以承诺代替的证明材料：%s。申请人作出承诺后无需提交，审批机关不再索要。
                四、申请人承诺：所填写的信息真实、准确；已经知晓审批机关告知的全部内容；能够满足上述条件；\
                愿意承担不实承诺的法律责任。
                五、不实承诺的责任：审批机关将在作出决定后按规定核查。承诺不实的，依法终止办理、责令限期整改或者\
                撤销行政许可，并将不实承诺记入申请人的信用记录；记有不实承诺或严重失信记录的，不再适用告知承诺制。"""
                .formatted(version, guide.elements().name(), guide.implementationCode(),
                        guide.elements().conditions() == null ? "—" : guide.elements().conditions().strip(),
                        names.stream().collect(Collectors.joining("、")));
        return new CommitmentNotice(version, text, waived.stream().map(MaterialRequirementView::code).toList(), names);
    }
}
