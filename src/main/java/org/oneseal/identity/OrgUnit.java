package org.oneseal.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 组织机构: a bureau section, a stationed department, a hall or a window, in one region. */
@Table(schema = "oneseal", name = "org_unit")
class OrgUnit {

    @Id
    private Long id;
    private Long regionId;
    private Long parentId;
    private OrgUnitKind kind;
    private WindowKind windowKind;
    private String code;
    private String name;
    private String description;
    private int sortOrder;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    OrgUnit() {
    }

    static OrgUnit create(OrgUnitCommand command, Instant now) {
        OrgUnit unit = new OrgUnit();
        unit.createdAt = now;
        unit.apply(command, now);
        return unit;
    }

    void apply(OrgUnitCommand command, Instant now) {
        this.regionId = command.regionId();
        this.parentId = command.parentId();
        this.kind = command.kind();
        this.windowKind = command.kind() == OrgUnitKind.WINDOW ? command.windowKind() : null;
        this.code = command.code().trim();
        this.name = command.name().trim();
        this.description = command.description() == null || command.description().isBlank() ? null : command.description().trim();
        this.sortOrder = command.sortOrder();
        this.active = command.active();
        this.updatedAt = now;
    }

    OrgUnitView view() {
        return new OrgUnitView(id, regionId, parentId, kind, windowKind, code, name, description, sortOrder, active);
    }

    Long id() {
        return id;
    }

    long regionId() {
        return regionId;
    }
}
