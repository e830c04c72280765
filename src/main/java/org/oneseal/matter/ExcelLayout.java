package org.oneseal.matter;

import java.util.List;

/**
 * The workbook layout shared by export and import: sheet "事项" (one row per matter, header in row 1)
 * and sheet "材料" (one row per material, linked by the implementation code). Enum columns hold the enum
 * names (LICENSING, CITY ...); yes/no columns hold 是/否; lists are separated by commas.
 */
final class ExcelLayout {

    static final String MATTERS = "事项";
    static final String MATERIALS = "材料";
    static final List<String> MATTER_COLUMNS = List.of("实施编码", "事项编码", "区划代码", "事项名称", "事项类型",
            "实施部门编码", "实施主体", "事权层级", "服务对象", "办件类型", "法定办结时限", "承诺办结时限", "到现场次数",
            "收费金额", "收费依据", "设定依据", "受理条件", "办理流程", "服务承诺", "咨询电话", "投诉电话", "办理形式",
            "主题", "证照种类", "证照分离", "标记", "流程模板", "证照分离清单版本", "证照分离依据", "取消后的管理方式");
    static final List<String> MATERIAL_COLUMNS = List.of("实施编码", "材料编码", "材料名称", "必要", "关键材料", "原件",
            "电子版", "数据共享", "承诺代替", "份数", "备注");
    static final List<String> FLAGS = List.of("online", "certificateFree", "cityWide", "crossProvince", "bundleMember",
            "transferred", "delegated");
    static final String YES = "是";
    static final String NO = "否";

    private ExcelLayout() {
    }
}
