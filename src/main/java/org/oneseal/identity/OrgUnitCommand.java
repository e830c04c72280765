package org.oneseal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Create or change an org unit. A WINDOW needs a window kind; other kinds must not have one. */
public record OrgUnitCommand(
        @NotNull(message = "{identity.orgunit.region.required}") Long regionId,
        Long parentId,
        @NotNull(message = "{identity.orgunit.kind.required}") OrgUnitKind kind,
        WindowKind windowKind,
        @NotBlank(message = "{identity.orgunit.code.required}")
        @Pattern(regexp = "[A-Za-z0-9_-]{2,40}", message = "{identity.orgunit.code.pattern}") String code,
        @NotBlank(message = "{identity.orgunit.name.required}") @Size(max = 100, message = "{identity.name.size}") String name,
        @Size(max = 500, message = "{identity.description.size}") String description,
        @PositiveOrZero(message = "{identity.sort.positive}") Integer sortOrder,
        Boolean active) {

    public OrgUnitCommand {
        sortOrder = sortOrder == null ? 0 : sortOrder;
        active = Boolean.TRUE.equals(active);
    }
}
