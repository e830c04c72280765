package org.oneseal.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.matter.MaterialRequirementView;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.InvalidInputException;

/** An uploaded file that passed the checks: known requirement, real type, size; with its SM3 hash. */
record CheckedFile(String requirementCode, String fileName, String contentType, byte[] content, String sm3) {

    /**
     * Checks every file and that every required material of the matter is there; all problems are reported
     * together, field {@code materials[code]}, and nothing is stored when there is one.
     */
    static List<CheckedFile> checkAll(MatterVersionView matter, List<SubmittedFile> files, CaseworkMessages messages) {
        return checkAll(matter, files, messages, true);
    }

    /** As above; {@code requireRequired} false for a correction, where only the deficient materials come. */
    static List<CheckedFile> checkAll(MatterVersionView matter, List<SubmittedFile> files, CaseworkMessages messages,
            boolean requireRequired) {
        return checkAll(matter, files, messages, requireRequired, Set.of());
    }

    /** As above; the materials in {@code deferred} (容缺, checked by {@link CaseDeferrals}) may be missing. */
    static List<CheckedFile> checkAll(MatterVersionView matter, List<SubmittedFile> files, CaseworkMessages messages,
            boolean requireRequired, Set<String> deferred) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        Set<String> known = matter.materials().stream().map(MaterialRequirementView::code).collect(Collectors.toSet());
        List<CheckedFile> checked = new ArrayList<>();
        for (SubmittedFile f : files) {
            String field = "materials[" + f.requirementCode() + "]";
            if (!known.contains(f.requirementCode())) {
                errors.add(field, messages.text("casework.material.unknown", f.requirementCode()));
                continue;
            }
            MaterialCheck.Result result = MaterialCheck.check(safeName(f.fileName()), f.content());
            if (!result.ok()) {
                errors.add(field, messages.text(result.problemKey(), safeName(f.fileName())));
                continue;
            }
            checked.add(new CheckedFile(f.requirementCode(), safeName(f.fileName()), result.contentType(), f.content(),
                    MaterialCheck.sm3(f.content())));
        }
        Set<String> given = files.stream().map(SubmittedFile::requirementCode).collect(Collectors.toSet());
        matter.materials().stream().filter(m -> requireRequired && m.required()).filter(m -> !given.contains(m.code()))
                .filter(m -> !deferred.contains(m.code()))
                .forEach(m -> errors.add("materials[" + m.code() + "]", messages.text("casework.material.missing", m.name())));
        errors.throwIfAny();
        return checked;
    }

    /**
     * Only the last path segment (of / or \ paths, drive letters included), no control characters, at most 200
     * characters: what is stored and shown, never a path.
     */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.substring(base.lastIndexOf(':') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        base = base.length() > 200 ? base.substring(base.length() - 200) : base;
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "file" : base;
    }
}
