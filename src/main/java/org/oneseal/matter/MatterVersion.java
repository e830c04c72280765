package org.oneseal.matter;

import java.time.Instant;

/**
 * One version of a matter. Only a DRAFT changes; publishing freezes it, and a later publication
 * supersedes it. Published and superseded versions are never edited again.
 */
final class MatterVersion {

    private final Long id;
    private final long matterId;
    private final int number;
    private MatterVersionState state;
    private MatterElements elements;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;
    private Instant supersededAt;
    private final int lockVersion;

    MatterVersion(Long id, long matterId, int number, MatterVersionState state, MatterElements elements,
            Instant createdAt, Instant updatedAt, Instant publishedAt, Instant supersededAt, int lockVersion) {
        this.id = id;
        this.matterId = matterId;
        this.number = number;
        this.state = state;
        this.elements = elements;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.publishedAt = publishedAt;
        this.supersededAt = supersededAt;
        this.lockVersion = lockVersion;
    }

    static MatterVersion draft(long matterId, int number, MatterElements elements, Instant now) {
        return new MatterVersion(null, matterId, number, MatterVersionState.DRAFT, elements, now, now, null, null, 0);
    }

    void revise(MatterElements changed, Instant now) {
        requireDraft();
        this.elements = changed;
        this.updatedAt = now;
    }

    void publish(Instant now) {
        requireDraft();
        this.state = MatterVersionState.PUBLISHED;
        this.publishedAt = now;
        this.updatedAt = now;
    }

    void supersede(Instant now) {
        if (state != MatterVersionState.PUBLISHED) {
            throw new IllegalStateException("only a published version is superseded");
        }
        this.state = MatterVersionState.SUPERSEDED;
        this.supersededAt = now;
        this.updatedAt = now;
    }

    private void requireDraft() {
        if (state != MatterVersionState.DRAFT) {
            throw new VersionFrozen(id, state);
        }
    }

    MatterVersionView view(Matter matter) {
        MatterElements e = elements;
        return new MatterVersionView(id, matterId, number, matter.matterCode(), matter.implementationCode(), e.name(),
                e.type(), e.departmentId(), matter.regionId(), e.competence(), e.serviceObject(), e.handlingKind(),
                e.legalLimitDays(), e.promisedLimitDays(), e.onsiteVisits(), e.processKey(), e.licenceKind(),
                e.materials().stream().map(MatterElements.Material::view).toList(),
                e.specialProcedures().stream().map(MatterElements.Procedure::view).toList(), state, e.reformMode(),
                e.replacedBy(), e.deferralRule(), e.commitmentCheck(), e.cityWide(), e.crossProvince(),
                e.tongbanModes());
    }

    VersionSummary summary() {
        return new VersionSummary(id, number, state, elements.name(), updatedAt, publishedAt, supersededAt);
    }

    Long id() {
        return id;
    }

    long matterId() {
        return matterId;
    }

    int number() {
        return number;
    }

    MatterVersionState state() {
        return state;
    }

    MatterElements elements() {
        return elements;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Instant supersededAt() {
        return supersededAt;
    }

    int lockVersion() {
        return lockVersion;
    }

    /** A published or superseded version was asked to change. */
    static final class VersionFrozen extends RuntimeException {
        VersionFrozen(Long id, MatterVersionState state) {
            super("version " + id + " is " + state + " and cannot change");
        }
    }
}
