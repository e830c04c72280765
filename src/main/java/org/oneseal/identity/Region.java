package org.oneseal.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 行政区划: one node of the city's region tree. */
@Table(schema = "oneseal", name = "region")
class Region {

    @Id
    private Long id;
    private String code;
    private String name;
    private RegionLevel level;
    private Long parentId;
    private int sortOrder;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    Region() {
    }

    static Region create(RegionCommand command, Instant now) {
        Region region = new Region();
        region.createdAt = now;
        region.apply(command, now);
        return region;
    }

    void apply(RegionCommand command, Instant now) {
        this.code = command.code().trim();
        this.name = command.name().trim();
        this.level = command.level();
        this.parentId = command.level() == RegionLevel.CITY ? null : command.parentId();
        this.sortOrder = command.sortOrder();
        this.active = command.active();
        this.updatedAt = now;
    }

    RegionView view() {
        return new RegionView(id, code, name, level, parentId, sortOrder, active);
    }

    Long id() {
        return id;
    }

    Long parentId() {
        return parentId;
    }

    String code() {
        return code;
    }
}
