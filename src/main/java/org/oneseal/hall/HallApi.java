package org.oneseal.hall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The service hall over the API: slots, appointments, tickets, calls, the display, figures. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "hall")
class HallApi {

    private final Appointments appointments;
    private final HallQueue queue;
    private final HallFigures figures;

    HallApi(Appointments appointments, HallQueue queue, HallFigures figures) {
        this.appointments = appointments;
        this.queue = queue;
        this.figures = figures;
    }

    @GetMapping("/public/halls/{hallId}/slots")
    @Operation(summary = "某日的预约时段", description = "正常、延时（下班后）、错时（午间、周末）和节假日时段及余量；matterId 可选")
    List<Appointments.Slot> slots(@PathVariable long hallId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Long matterId) {
        return appointments.slots(hallId, day, matterId);
    }

    record Booking(Long slotId, Long matterId) {
    }

    @PostMapping("/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "预约", description = "{slotId, matterId}；满额或已过时段、超过在约上限时拒绝")
    Appointments.Appointment book(@RequestBody Booking b) {
        return appointments.book(b.slotId() == null ? -1 : b.slotId(), b.matterId());
    }

    record BookingFor(Long accountId, Long slotId, Long matterId) {
    }

    @PostMapping("/appointments/for-applicant")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "窗口或电话代为预约", description = "{accountId（办事人账号）, slotId, matterId}")
    Appointments.Appointment bookFor(@RequestBody BookingFor b) {
        return appointments.bookForApplicant(b.accountId() == null ? -1 : b.accountId(),
                b.slotId() == null ? -1 : b.slotId(), b.matterId());
    }

    @GetMapping("/appointments/for-applicant")
    @Operation(summary = "办事人在本地区大厅的预约（工作人员）", description = "accountId：办事人账号")
    List<Appointments.Appointment> ofApplicant(@RequestParam long accountId) {
        return appointments.ofApplicant(accountId);
    }

    @PostMapping("/appointments/{id}/cancellation/for-applicant")
    @Operation(summary = "代办事人取消预约（工作人员，本地区大厅）")
    Appointments.Appointment cancelFor(@PathVariable long id) {
        return appointments.cancelForApplicant(id);
    }

    @PostMapping("/appointments/{id}/change/for-applicant")
    @Operation(summary = "代办事人改约（工作人员，本地区大厅）", description = "{slotId}；新时段同样受满额、过期与上限约束")
    Appointments.Appointment changeFor(@PathVariable long id, @RequestBody Booking b) {
        return appointments.changeForApplicant(id, b.slotId() == null ? -1 : b.slotId());
    }

    @GetMapping("/appointments/mine")
    List<Appointments.Appointment> mine() {
        return appointments.mine();
    }

    @PostMapping("/appointments/{id}/cancellation")
    Appointments.Appointment cancel(@PathVariable long id) {
        return appointments.cancel(id);
    }

    @PostMapping("/appointments/{id}/change")
    @Operation(summary = "改约到另一时段")
    Appointments.Appointment change(@PathVariable long id, @RequestBody Booking b) {
        return appointments.change(id, b.slotId() == null ? -1 : b.slotId());
    }

    record WalkIn(String groupCode) {
    }

    @PostMapping("/halls/{hallId}/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('hall:book')")
    @Operation(summary = "现场取号")
    HallQueue.Ticket walkIn(@PathVariable long hallId, @RequestBody WalkIn w) {
        return queue.walkIn(hallId, w.groupCode());
    }

    record ByAppointment(String code) {
    }

    @PostMapping("/halls/{hallId}/tickets/by-appointment")
    @ResponseStatus(HttpStatus.CREATED)
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('hall:book')")
    @Operation(summary = "预约取号（时段开始前30分钟至时段结束，优先叫号）")
    HallQueue.Ticket byAppointment(@PathVariable long hallId, @RequestBody ByAppointment a) {
        return queue.byAppointment(hallId, a.code());
    }

    @PostMapping("/windows/{windowId}/call-next")
    @Operation(summary = "叫号：本窗口分组的下一位（预约优先）；无人等候时 204")
    ResponseEntity<HallQueue.Ticket> callNext(@PathVariable long windowId) {
        return queue.callNext(windowId).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    record Finish(Boolean served) {
    }

    @PostMapping("/windows/{windowId}/tickets/{ticketId}/finish")
    HallQueue.Ticket finish(@PathVariable long windowId, @PathVariable long ticketId, @RequestBody Finish f) {
        return queue.finish(windowId, ticketId, !Boolean.FALSE.equals(f.served()));
    }

    record Transfer(String groupCode) {
    }

    @PostMapping("/windows/{windowId}/tickets/{ticketId}/transfer")
    HallQueue.Ticket transfer(@PathVariable long windowId, @PathVariable long ticketId, @RequestBody Transfer t) {
        return queue.transfer(windowId, ticketId, t.groupCode());
    }

    @GetMapping("/public/halls/{hallId}/display")
    @Operation(summary = "大厅叫号屏")
    HallQueue.Display display(@PathVariable long hallId) {
        return queue.display(hallId);
    }

    @GetMapping("/hall-figures")
    @Operation(summary = "大厅统计：按时段类型的预约与结果、取号、等候与办理时间、未到")
    HallFigures.Figures figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(from, to);
    }
}
