package org.oneseal.matter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 证照分离改革事项清单: every published enterprise operating permit that carries a reform mode, with the list
 * (version) and the basis of its mode; public, filterable by mode, department and region, exported to Excel.
 */
@Component
class ReformList {

    /** Columns of the Excel export, in order. */
    static final List<String> COLUMNS = List.of("序号", "事项名称", "事项编码", "实施编码", "区划", "实施部门", "改革方式",
            "清单版本", "改革依据", "设定依据", "取消审批后的管理方式");

    private final JdbcClient jdbc;

    ReformList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One matter of the list. */
    record Entry(long matterId, String matterCode, String implementationCode, long regionId, String name,
                 long departmentId, String departmentName, ReformMode mode, String listVersion, String basis,
                 String legalBasis, String replacedBy) {
    }

    /** Filters, each optional. */
    record Filter(ReformMode mode, Long departmentId, Long regionId) {
    }

    List<Entry> entries(Filter filter) {
        return jdbc.sql("""
                select m.id, m.matter_code, m.implementation_code, m.region_id, v.name, v.department_id,
                       v.content->>'departmentName' as department_name, v.content->>'reformMode' as mode,
                       v.content->>'reformListVersion' as list_version, v.content->>'reformBasis' as basis,
                       v.content->>'legalBasis' as legal_basis, v.content->>'replacedBy' as replaced_by
                from oneseal.matter m join oneseal.matter_version v on v.matter_id = m.id and v.state = 'PUBLISHED'
                where v.content->>'reformMode' is not null
                  and (cast(:mode as varchar) is null or v.content->>'reformMode' = :mode)
                  and (cast(:department as bigint) is null or v.department_id = :department)
                  and (cast(:region as bigint) is null or m.region_id = :region)
                order by array_position(array['CANCELLED', 'FILING', 'COMMITMENT', 'OPTIMISED'],
                         v.content->>'reformMode'), m.region_id, m.matter_code, m.implementation_code""")
                .param("mode", filter.mode() == null ? null : filter.mode().name())
                .param("department", filter.departmentId())
                .param("region", filter.regionId())
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("matter_code"),
                        rs.getString("implementation_code"), rs.getLong("region_id"), rs.getString("name"),
                        rs.getLong("department_id"), rs.getString("department_name"),
                        ReformMode.valueOf(rs.getString("mode")), rs.getString("list_version"), rs.getString("basis"),
                        rs.getString("legal_basis"), rs.getString("replaced_by")))
                .list();
    }

    /** How many matters of the entries have each mode (every mode present, zero included). */
    static Map<ReformMode, Long> countByMode(List<Entry> entries) {
        Map<ReformMode, Long> counts = new EnumMap<>(ReformMode.class);
        for (ReformMode mode : ReformMode.values()) {
            counts.put(mode, entries.stream().filter(e -> e.mode() == mode).count());
        }
        return counts;
    }

    /** The entries as an Excel workbook (one sheet, header row frozen). */
    byte[] workbook(List<Entry> entries, Map<Long, String> regionNames, Map<ReformMode, String> modeNames) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("证照分离改革事项清单");
            write(sheet.createRow(0), COLUMNS);
            sheet.createFreezePane(0, 1);
            int n = 0;
            for (Entry e : entries) {
                n++;
                write(sheet.createRow(n), List.of(String.valueOf(n), e.name(), e.matterCode(), e.implementationCode(),
                        regionNames.getOrDefault(e.regionId(), ""), nz(e.departmentName()), modeNames.get(e.mode()),
                        nz(e.listVersion()), nz(e.basis()), nz(e.legalBasis()), nz(e.replacedBy())));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
