package org.oneseal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regions and org units over the API; org units are limited to the caller's data scope. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "organisation", description = "行政区划与组织机构")
class OrganisationApi {

    private final RegionManagement regions;
    private final OrganisationManagement organisation;
    private final CurrentUser currentUser;

    OrganisationApi(RegionManagement regions, OrganisationManagement organisation, CurrentUser currentUser) {
        this.regions = regions;
        this.organisation = organisation;
        this.currentUser = currentUser;
    }

    @GetMapping("/regions")
    @PreAuthorize("hasAuthority('identity:region:read')")
    @Operation(summary = "区划列表")
    List<RegionView> regions() {
        return regions.all();
    }

    @GetMapping("/regions/{id}")
    @PreAuthorize("hasAuthority('identity:region:read')")
    @Operation(summary = "区划详情")
    RegionView region(@PathVariable long id) {
        return regions.get(id);
    }

    @PostMapping("/regions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增区划", description = "需要 identity:region:manage；变更写入审计日志")
    RegionView createRegion(@Valid @RequestBody RegionCommand command) {
        return regions.create(command);
    }

    @PutMapping("/regions/{id}")
    @Operation(summary = "修改区划")
    RegionView updateRegion(@PathVariable long id, @Valid @RequestBody RegionCommand command) {
        return regions.update(id, command);
    }

    @GetMapping("/org-units")
    @Operation(summary = "组织机构列表（按数据范围过滤）")
    List<OrgUnitView> orgUnits(@RequestParam(required = false) Long regionId,
            @RequestParam(required = false) OrgUnitKind kind, @RequestParam(required = false) String q) {
        return organisation.list(currentUser.scope(), new OrgUnitFilter(regionId, kind, q));
    }

    @GetMapping("/org-units/{id}")
    @Operation(summary = "组织机构详情", description = "不在数据范围内的机构返回404，并写入审计日志")
    OrgUnitView orgUnit(@PathVariable long id) {
        return organisation.get(currentUser.scope(), id);
    }

    @PostMapping("/org-units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增组织机构")
    OrgUnitView createOrgUnit(@Valid @RequestBody OrgUnitCommand command) {
        return organisation.create(currentUser.scope(), command);
    }

    @PutMapping("/org-units/{id}")
    @Operation(summary = "修改组织机构")
    OrgUnitView updateOrgUnit(@PathVariable long id, @Valid @RequestBody OrgUnitCommand command) {
        return organisation.update(currentUser.scope(), id, command);
    }
}
