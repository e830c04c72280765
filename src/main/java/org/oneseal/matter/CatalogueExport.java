package org.oneseal.matter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exports the published catalogue within the caller's data scope as an xlsx workbook (see {@link ExcelLayout}). */
@Service
class CatalogueExport {

    private final MatterStore store;
    private final CatalogueQueries queries;
    private final Departments departments;
    private final RegionManagement regions;

    CatalogueExport(MatterStore store, CatalogueQueries queries, Departments departments, RegionManagement regions) {
        this.store = store;
        this.queries = queries;
        this.departments = departments;
        this.regions = regions;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('matter:read')")
    public byte[] export(DataScope scope) {
        Map<Long, String> regionCodes = regions.all().stream().collect(Collectors.toMap(RegionView::id, RegionView::code));
        Map<Long, String> unitCodes = departments.inScope(scope).stream()
                .collect(Collectors.toMap(OrgUnitView::id, OrgUnitView::code));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet matters = sheet(book, ExcelLayout.MATTERS, ExcelLayout.MATTER_COLUMNS);
            Sheet materials = sheet(book, ExcelLayout.MATERIALS, ExcelLayout.MATERIAL_COLUMNS);
            for (long versionId : queries.publishedVersionIds(null)) {
                MatterVersion v = store.version(versionId).orElseThrow();
                Matter m = store.matter(v.matterId()).orElseThrow();
                if (scope.covers(m.regionId())) {
                    row(matters, matterCells(m, v.elements(), regionCodes.get(m.regionId()),
                            unitCodes.getOrDefault(v.elements().departmentId(), "")));
                    v.elements().materials().forEach(mat -> row(materials, materialCells(m, mat)));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook book, String name, List<String> headers) {
        Sheet sheet = book.createSheet(name);
        row(sheet, headers);
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void row(Sheet sheet, List<String> cells) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i) == null ? "" : cells.get(i));
        }
    }

    static List<String> matterCells(Matter m, MatterElements e, String regionCode, String unitCode) {
        List<String> flags = new ArrayList<>();
        boolean[] values = {e.online(), e.certificateFree(), e.cityWide(), e.crossProvince(), e.bundleMember(),
            e.transferred(), e.delegated()};
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                flags.add(ExcelLayout.FLAGS.get(i));
            }
        }
        return List.of(m.implementationCode(), m.matterCode(), regionCode, e.name(), e.type().name(), unitCode,
                nz(e.implementingBody()), e.competence().name(), e.serviceObject().name(), e.handlingKind().name(),
                "" + e.legalLimitDays(), "" + e.promisedLimitDays(), "" + e.onsiteVisits(),
                e.free() ? "" : e.feeAmount().toPlainString(), nz(e.feeBasis()), nz(e.legalBasis()), nz(e.conditions()),
                nz(e.flow()), nz(e.serviceCommitment()), nz(e.enquiryPhone()), nz(e.complaintPhone()),
                e.handlingForms().stream().map(Enum::name).collect(Collectors.joining(",")),
                String.join(",", e.lifeEvents()), nz(e.licenceKind()), e.reformMode() == null ? "" : e.reformMode().name(),
                String.join(",", flags), e.processKey(), nz(e.reformListVersion()), nz(e.reformBasis()),
                nz(e.replacedBy()));
    }

    private static List<String> materialCells(Matter m, MatterElements.Material mat) {
        return List.of(m.implementationCode(), mat.code(), mat.name(), yn(mat.required()), yn(mat.keyMaterial()),
                yn(mat.original()), yn(mat.electronicAccepted()), yn(mat.obtainableBySharing()),
                yn(mat.replaceableByCommitment()), "" + mat.copies(), nz(mat.note()));
    }

    private static String yn(boolean b) {
        return b ? ExcelLayout.YES : ExcelLayout.NO;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
