package org.oneseal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Create or change a region. {@code parentId} is required for every level but CITY. */
public record RegionCommand(
        @NotBlank(message = "{identity.region.code.required}")
        @Pattern(regexp = "\\d{6}(\\d{3}|\\d{6})?", message = "{identity.region.code.pattern}") String code,
        @NotBlank(message = "{identity.region.name.required}") @Size(max = 60, message = "{identity.name.size}") String name,
        @NotNull(message = "{identity.region.level.required}") RegionLevel level,
        Long parentId,
        @PositiveOrZero(message = "{identity.sort.positive}") Integer sortOrder,
        Boolean active) {

    public RegionCommand {
        sortOrder = sortOrder == null ? 0 : sortOrder;
        active = Boolean.TRUE.equals(active);
    }
}
