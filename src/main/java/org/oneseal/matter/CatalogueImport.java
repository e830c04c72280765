package org.oneseal.matter;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a workbook of the export's layout as drafts: a new implementation code creates a matter, a known
 * one gets its draft updated (or a new draft). Every row is checked first; with any problem nothing is stored.
 * Special procedures and Q&A are not in the workbook: a known matter keeps those of its current version.
 */
@Service
class CatalogueImport {

    private final MatterAdministration admin;
    private final MatterStore store;
    private final Departments departments;
    private final RegionManagement regions;
    private final MatterMessages messages;
    private final AuditLog audit;

    CatalogueImport(MatterAdministration admin, MatterStore store, Departments departments, RegionManagement regions,
            MatterMessages messages, AuditLog audit) {
        this.admin = admin;
        this.store = store;
        this.departments = departments;
        this.regions = regions;
        this.messages = messages;
        this.audit = audit;
    }

    /** Imports the workbook; answers the number of drafts written, or throws {@link ImportRejected}. */
    @Transactional
    @PreAuthorize("hasAuthority('matter:edit')")
    public int importWorkbook(DataScope scope, byte[] bytes) {
        List<ImportProblem> problems = new ArrayList<>();
        List<Parsed> parsed;
        try (XSSFWorkbook book = open(bytes)) {
            parsed = parse(scope, book, problems);
        } catch (java.io.IOException | RuntimeException notXlsx) {
            if (notXlsx instanceof ImportRejected rejected) {
                throw rejected;
            }
            throw new ImportRejected(List.of(new ImportProblem("", 0, "", messages.chinese("matter.import.notXlsx"))));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems);
        }
        parsed.forEach(p -> write(scope, p));
        audit.record(AuditRecord.of("matter.import", "Matter", null).region(scope.region())
                .reason(parsed.size() + " drafts"));
        return parsed.size();
    }

    private XSSFWorkbook open(byte[] bytes) throws java.io.IOException {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new IllegalArgumentException("not a zip file");
        }
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private List<Parsed> parse(DataScope scope, XSSFWorkbook book, List<ImportProblem> problems) {
        Sheet matters = sheet(book, ExcelLayout.MATTERS, ExcelLayout.MATTER_COLUMNS);
        Sheet materials = sheet(book, ExcelLayout.MATERIALS, ExcelLayout.MATERIAL_COLUMNS);
        Map<String, RegionView> regionByCode = new HashMap<>();
        regions.all().forEach(r -> regionByCode.put(r.code(), r));
        Map<String, OrgUnitView> unitByCode = new HashMap<>();
        departments.inScope(scope).forEach(u -> unitByCode.put(u.code(), u));
        Map<String, Parsed> result = new LinkedHashMap<>();
        for (Row row : matters) {
            if (row.getRowNum() > 0 && !blank(row)) {
                SheetRow cells = new SheetRow(ExcelLayout.MATTERS, row, ExcelLayout.MATTER_COLUMNS, problems, messages);
                ImportedRow.read(cells, scope, regionByCode, unitByCode, store).ifPresent(p -> {
                    if (result.putIfAbsent(p.implementationCode(), new Parsed(p, new ArrayList<>())) != null) {
                        cells.problem(0, "matter.import.duplicate");
                    }
                });
            }
        }
        for (Row row : materials) {
            if (row.getRowNum() > 0 && !blank(row)) {
                SheetRow cells = new SheetRow(ExcelLayout.MATERIALS, row, ExcelLayout.MATERIAL_COLUMNS, problems, messages);
                String code = cells.text(0, true);
                MatterElements.Material material = ImportedRow.material(cells);
                Optional.ofNullable(code).map(result::get).ifPresentOrElse(p -> p.materials().add(material),
                        () -> cells.problem(0, "matter.import.unknownMatter"));
            }
        }
        return List.copyOf(result.values());
    }

    private Sheet sheet(XSSFWorkbook book, String name, List<String> headers) {
        Sheet sheet = book.getSheet(name);
        Row header = sheet == null ? null : sheet.getRow(0);
        for (int i = 0; header != null && i < headers.size(); i++) {
            if (header.getCell(i) == null || !headers.get(i).equals(header.getCell(i).toString().trim())) {
                header = null;
            }
        }
        if (header == null) {
            throw new ImportRejected(List.of(new ImportProblem(name, 1, "",
                    messages.chinese("matter.import.layout", name, String.join("、", headers)))));
        }
        return sheet;
    }

    private void write(DataScope scope, Parsed parsed) {
        ImportedRow row = parsed.row();
        Optional<Matter> existing = store.matterByImplementationCode(row.implementationCode());
        if (existing.isEmpty()) {
            admin.create(scope, new NewMatter(row.matterCode(), row.implementationCode(), row.regionId(),
                    row.elements(parsed.materials(), null)));
            return;
        }
        long matterId = existing.get().id();
        Optional<MatterVersion> draft = store.inState(matterId, MatterVersionState.DRAFT);
        long draftId = draft.isPresent() ? draft.get().id() : admin.newVersion(scope, matterId);
        MatterElements current = store.version(draftId).orElseThrow().elements();
        admin.updateDraft(scope, draftId, row.elements(parsed.materials(), current));
    }

    private static boolean blank(Row row) {
        for (var cell : row) {
            if (!cell.toString().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private record Parsed(ImportedRow row, List<MatterElements.Material> materials) {
        String implementationCode() {
            return row.implementationCode();
        }
    }
}
