package org.oneseal.partybuilding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rectification lists (整改清单) over the API (staff only; access as on the pages). */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party")
class RectificationApi {

    private final RectificationLists lists;
    private final RectificationItems items;

    RectificationApi(RectificationLists lists, RectificationItems items) {
        this.lists = lists;
        this.items = items;
    }

    @GetMapping("/orgs/{id}/rectification-lists")
    @Operation(summary = "支部的整改清单及其事项")
    List<RectificationLists.ListView> lists(@PathVariable long id) {
        return lists.lists(id);
    }

    @PostMapping(path = "/orgs/{id}/rectification-lists", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "建立整改清单", description = "{meetingId（组织生活会/民主评议）| inspectedOn + inspectingBody（检查）, title}")
    RectificationLists.ListView create(@PathVariable long id, @RequestBody RectificationLists.NewList l) {
        return lists.create(id, l);
    }

    @PostMapping(path = "/rectification-lists/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "增加整改事项", description = "{problem, measure, ownerId, deadline | workingDays（自会议或检查之日起的工作日）}")
    RectificationLists.Item addItem(@PathVariable long id, @RequestBody RectificationLists.NewItem i) {
        return lists.addItem(id, i);
    }

    @GetMapping("/rectification-items/{id}")
    @Operation(summary = "整改事项及其历史（看得到支部者，或责任人本人）")
    RectificationLists.ItemDetail item(@PathVariable long id) {
        return items.item(id);
    }

    @PostMapping(path = "/rectification-items/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "提交整改佐证（支部管理者或责任人）", description = "multipart evidence（说明）, files（附件）")
    RectificationLists.ItemDetail evidence(@PathVariable long id, @RequestParam(required = false) String evidence,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return items.addEvidence(id, evidence, PartyFiles.Upload.of(files));
    }

    record Closure(String evidence) {
    }

    @PostMapping(path = "/rectification-items/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "整改销号（须有整改佐证，否则422）", description = "{evidence（可空，若此前已提交）}")
    RectificationLists.ItemDetail close(@PathVariable long id, @RequestBody(required = false) Closure c) {
        return items.close(id, c == null ? null : c.evidence(), List.of());
    }

    @GetMapping(path = "/rectification-items/{id}/files/{fileId}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "整改佐证附件")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return items.file(id, fileId);
    }

    @GetMapping("/members/{id}/rectification-items")
    @Operation(summary = "党员负责的整改事项（本人，或看得到其支部者）")
    List<RectificationLists.Item> owned(@PathVariable long id) {
        return items.ownedBy(id);
    }
}
