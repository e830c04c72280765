package org.oneseal.statistics;

/**
 * Which part of the city a figure covers. Written in requests as {@code all} (全市: the city-level records and
 * every county's, district's and zone's), {@code city} (市本级: the city-level records only) or a region id (that
 * county, district or zone with whatever lies below it).
 *
 * @param kind   the choice
 * @param region the region id for {@link Kind#REGION}, else null
 */
public record Area(Kind kind, Long region) {

    public enum Kind { ALL, CITY_LEVEL, REGION }

    public static final Area ALL = new Area(Kind.ALL, null);
    public static final Area CITY_LEVEL = new Area(Kind.CITY_LEVEL, null);

    public Area {
        if ((kind == Kind.REGION) != (region != null)) {
            throw new IllegalArgumentException("a region area names its region, the others none");
        }
    }

    public static Area region(long id) {
        return new Area(Kind.REGION, id);
    }

    /**
     * Parses a request's {@code area}; null or blank means "the viewer's own" (returned as null); anything else
     * unknown is refused with {@link IllegalArgumentException} ({@link Statistics#area} turns it into a field error
     * in the viewer's language).
     */
    public static Area parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.equals("all")) {
            return ALL;
        }
        if (t.equals("city")) {
            return CITY_LEVEL;
        }
        if (t.matches("[1-9][0-9]{0,17}")) {
            return region(Long.parseLong(t));
        }
        throw new IllegalArgumentException("not an area: " + t);
    }

    /** The request form of this area. */
    public String code() {
        return switch (kind) {
            case ALL -> "all";
            case CITY_LEVEL -> "city";
            case REGION -> region.toString();
        };
    }

}
