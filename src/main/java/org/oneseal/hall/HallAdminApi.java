package org.oneseal.hall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The hall's administration over the API: service schedules and window groups ({@code hall:configure}, own scope). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "hall")
class HallAdminApi {

    private final HallAdministration administration;

    HallAdminApi(HallAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/halls")
    @Operation(summary = "可管理的大厅", description = "管理员数据范围内的服务大厅（服务窗口的上级机构）")
    List<HallAdministration.Hall> halls() {
        return administration.halls();
    }

    @GetMapping("/halls/{hallId}/schedules")
    @Operation(summary = "大厅的服务时段设置", description = "全部排班（含已停用），启用的在前；非大厅 400，其他地区的大厅 404")
    List<HallAdministration.Schedule> schedules(@PathVariable long hallId) {
        return administration.schedules(hallId);
    }

    @PostMapping("/halls/{hallId}/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增服务时段", description = """
            {groupCode（大写字母开头，大写字母、数字、下划线，≤20）, matterId（可空：所有事项）, \
            kind（NORMAL 正常/EXTENDED 延时/STAGGERED 错时/HOLIDAY 节假日）, \
            days（WORKING 工作日/WEEKEND 周末/HOLIDAY 法定节假日/NON_WORKING 非工作日/EVERY 每天，按工作日历）, \
            starts, ends（HH:mm，结束晚于开始）, slotMinutes（5–240，须整除服务时长）, capacity（每个时段1–500人）}；\
            同一分组、同一事项在可能同日的时段内不得重叠""")
    HallAdministration.Schedule create(@PathVariable long hallId, @RequestBody HallAdministration.ScheduleRequest r) {
        return administration.create(hallId, r);
    }

    @PutMapping("/halls/{hallId}/schedules/{scheduleId}")
    @Operation(summary = "修改服务时段", description = """
            字段同新增。已生成且无人预约的未来时段删除、按新设置重新生成；已有预约的时段保留：新设置仍生成该时段的，\
            采用新的分组、类型、事项和容量（不低于已约人数）；否则停止接受新预约。已开始的时段不变。已停用的排班不能修改（422）""")
    HallAdministration.Changed change(@PathVariable long hallId, @PathVariable long scheduleId,
            @RequestBody HallAdministration.ScheduleRequest r) {
        return administration.change(hallId, scheduleId, r);
    }

    @PostMapping("/halls/{hallId}/schedules/{scheduleId}/deactivation")
    @Operation(summary = "停用服务时段", description = "不再生成新时段；未来无人预约的时段删除，已有预约的时段保留、预约有效，但不再接受新预约")
    HallAdministration.Changed deactivate(@PathVariable long hallId, @PathVariable long scheduleId) {
        return administration.deactivate(hallId, scheduleId);
    }

    @GetMapping("/halls/{hallId}/windows")
    @Operation(summary = "大厅窗口及叫号分组", description = "groupCode 为设置的分组；serves 为实际叫号分组（未设置的综合窗口为 GENERAL）")
    List<HallAdministration.Window> windows(@PathVariable long hallId) {
        return administration.windows(hallId);
    }

    record Group(String groupCode) {
    }

    @PutMapping("/windows/{windowId}/group")
    @Operation(summary = "设置窗口叫号分组", description = "{groupCode}；该窗口叫号取这一分组的号")
    HallAdministration.Window setGroup(@PathVariable long windowId, @RequestBody Group g) {
        return administration.setGroup(windowId, g == null ? null : g.groupCode());
    }

    @DeleteMapping("/windows/{windowId}/group")
    @Operation(summary = "清除窗口叫号分组", description = "清除后综合窗口叫 GENERAL 分组，专窗不叫号")
    HallAdministration.Window clearGroup(@PathVariable long windowId) {
        return administration.clearGroup(windowId);
    }
}
