package org.oneseal.partybuilding;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How often a branch must hold each kind of meeting, from {@code oneseal.party.frequency.<KIND>=MONTHLY|QUARTERLY|
 * YEARLY|NONE} over the defaults of the branch work rules (支部工作条例): general meeting quarterly, committee meeting
 * monthly, cell meeting monthly (per cell), party lesson quarterly, themed party day monthly, organisational life
 * meeting, democratic appraisal and heart-to-heart talks yearly; dual organisational life is not counted by default.
 * Also {@code oneseal.party.due-soon-days} (default 10): a requirement not met yet whose window ends within so many
 * days is "due soon". An unknown kind or frequency, or days outside 0–90, stop the application from starting.
 */
@Component
class PartyFrequencies {

    enum Frequency { MONTHLY, QUARTERLY, YEARLY, NONE }

    static final Map<MeetingKind, Frequency> DEFAULTS = Map.of(
            MeetingKind.BRANCH_GENERAL_MEETING, Frequency.QUARTERLY,
            MeetingKind.BRANCH_COMMITTEE_MEETING, Frequency.MONTHLY,
            MeetingKind.CELL_MEETING, Frequency.MONTHLY,
            MeetingKind.PARTY_LESSON, Frequency.QUARTERLY,
            MeetingKind.THEMED_PARTY_DAY, Frequency.MONTHLY,
            MeetingKind.ORGANISATIONAL_LIFE_MEETING, Frequency.YEARLY,
            MeetingKind.DEMOCRATIC_APPRAISAL, Frequency.YEARLY,
            MeetingKind.HEART_TO_HEART_TALK, Frequency.YEARLY,
            MeetingKind.DUAL_ORGANISATIONAL_LIFE, Frequency.NONE);

    private final Map<MeetingKind, Frequency> frequencies = new EnumMap<>(DEFAULTS);
    private final int dueSoonDays;

    PartyFrequencies(Environment env) {
        Binder binder = Binder.get(env);
        Map<String, String> configured = binder.bind("oneseal.party.frequency", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        configured.forEach((key, value) -> {
            String kind = key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
            MeetingKind k = MeetingKind.of(kind).orElseThrow(() -> new IllegalStateException(
                    "oneseal.party.frequency." + key + ": unknown kind of meeting; use one of "
                            + Arrays.stream(MeetingKind.values()).map(Enum::name).collect(Collectors.joining(", "))));
            String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            frequencies.put(k, Arrays.stream(Frequency.values()).filter(f -> f.name().equals(v)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("oneseal.party.frequency." + key + "=" + value
                            + ": unknown frequency; use MONTHLY, QUARTERLY, YEARLY or NONE")));
        });
        this.dueSoonDays = binder.bind("oneseal.party.due-soon-days", Integer.class).orElse(10);
        if (dueSoonDays < 0 || dueSoonDays > 90) {
            throw new IllegalStateException("oneseal.party.due-soon-days must be between 0 and 90, not " + dueSoonDays);
        }
    }

    Frequency of(MeetingKind kind) {
        return frequencies.get(kind);
    }

    int dueSoonDays() {
        return dueSoonDays;
    }
}
