package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The configured frequencies: defaults, overrides, and a refusal to start on what is not one. */
class PartyFrequenciesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withBean(PartyFrequencies.class);

    @Test
    void defaultsComeFromTheBranchWorkRulesAndPropertiesOverrideThem() {
        context.run(c -> {
            PartyFrequencies f = c.getBean(PartyFrequencies.class);
            assertThat(f.of(MeetingKind.BRANCH_GENERAL_MEETING)).isEqualTo(PartyFrequencies.Frequency.QUARTERLY);
            assertThat(f.of(MeetingKind.CELL_MEETING)).isEqualTo(PartyFrequencies.Frequency.MONTHLY);
            assertThat(f.of(MeetingKind.HEART_TO_HEART_TALK)).isEqualTo(PartyFrequencies.Frequency.YEARLY);
            assertThat(f.dueSoonDays()).isEqualTo(10);
        });
        context.withPropertyValues("oneseal.party.frequency.PARTY_LESSON=monthly", "oneseal.party.due-soon-days=5")
                .run(c -> {
                    assertThat(c.getBean(PartyFrequencies.class).of(MeetingKind.PARTY_LESSON))
                            .isEqualTo(PartyFrequencies.Frequency.MONTHLY);
                    assertThat(c.getBean(PartyFrequencies.class).dueSoonDays()).isEqualTo(5);
                });
    }

    @Test
    void anEnvironmentVariableSetsAFrequencyToo() {
        context.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("ONESEAL_PARTY_FREQUENCY_PARTY_LESSON", "YEARLY")))).run(c ->
                assertThat(c.getBean(PartyFrequencies.class).of(MeetingKind.PARTY_LESSON))
                        .isEqualTo(PartyFrequencies.Frequency.YEARLY));
    }

    @Test
    void anUnknownFrequencyOrKindStopsTheStart() {
        context.withPropertyValues("oneseal.party.frequency.PARTY_LESSON=WEEKLY").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("oneseal.party.frequency.PARTY_LESSON=WEEKLY")
                .hasMessageContaining("MONTHLY, QUARTERLY, YEARLY or NONE"));
        context.withPropertyValues("oneseal.party.frequency.PARTY_LESSONS=YEARLY").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("unknown kind of meeting"));
        context.withPropertyValues("oneseal.party.due-soon-days=200").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("between 0 and 90"));
    }

    @Test
    void aPeriodHasTheWindowsOfEachFrequency() {
        Period q2 = Period.parse("2025-Q2").orElseThrow();
        assertThat(q2.windows(PartyFrequencies.Frequency.MONTHLY)).extracting(Period::code)
                .containsExactly("2025-04", "2025-05", "2025-06");
        assertThat(q2.windows(PartyFrequencies.Frequency.YEARLY)).extracting(Period::to)
                .containsExactly(LocalDate.of(2025, 12, 31));
        assertThat(Period.parse("2025").orElseThrow().windows(PartyFrequencies.Frequency.QUARTERLY)).hasSize(4);
        assertThat(Period.parse("2025-13")).isEmpty();
        assertThat(Period.parse("2025-Q0")).isEmpty();
        assertThat(q2.previous().code()).isEqualTo("2025-Q1");
        assertThat(Period.parse("2025-12").orElseThrow().next().code()).isEqualTo("2026-01");
    }
}
