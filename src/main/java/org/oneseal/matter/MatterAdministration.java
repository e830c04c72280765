package org.oneseal.matter;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Staff maintain the catalogue: create a matter (version 1 draft), edit the draft, publish it (the previous
 * published version becomes superseded), start a new draft from the published version. Every method takes
 * the caller's data scope; a matter of another region answers "not found" and leaves an audit entry.
 */
@Service
class MatterAdministration {

    private static final String TYPE = "Matter";

    private final MatterStore store;
    private final CatalogueQueries queries;
    private final Departments departments;
    private final AuditLog audit;
    private final MatterMessages messages;
    private final Clock clock;
    private final GuidePageCache guidePages;

    MatterAdministration(MatterStore store, CatalogueQueries queries, Departments departments, AuditLog audit, MatterMessages messages,
            Clock clock, GuidePageCache guidePages) {
        this.guidePages = guidePages;
        this.store = store;
        this.queries = queries;
        this.departments = departments;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('matter:read')")
    public List<MatterRow> list(DataScope scope, MatterFilter filter) {
        return queries.list(scope, filter);
    }

    @Transactional(noRollbackFor = NotFoundException.class, readOnly = true)
    @PreAuthorize("hasAuthority('matter:read')")
    public MatterDetail detail(DataScope scope, long matterId) {
        Matter matter = load(scope, matterId);
        List<MatterVersion> versions = store.versions(matterId);
        return new MatterDetail(matter.id(), matter.matterCode(), matter.implementationCode(), matter.regionId(),
                versions.stream().map(MatterVersion::summary).toList(),
                versions.stream().filter(v -> v.state() == MatterVersionState.DRAFT).findFirst()
                        .map(MatterVersion::id).orElse(null));
    }

    @Transactional(noRollbackFor = NotFoundException.class, readOnly = true)
    @PreAuthorize("hasAuthority('matter:read')")
    public EditableVersion version(DataScope scope, long versionId) {
        MatterVersion version = store.version(versionId).orElseThrow(() -> new NotFoundException("version " + versionId));
        Matter matter = load(scope, version.matterId());
        return new EditableVersion(matter.id(), matter.matterCode(), matter.implementationCode(), matter.regionId(),
                version.id(), version.number(), version.state(), version.elements());
    }

    @Transactional
    @PreAuthorize("hasAuthority('matter:edit')")
    public long create(DataScope scope, NewMatter command) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (!scope.covers(command.regionId())) {
            errors.add("regionId", messages.chinese("matter.error.regionOutside"));
        }
        store.matterByImplementationCode(command.implementationCode().trim()).ifPresent(m ->
                errors.add("implementationCode", messages.chinese("matter.error.implementationCodeTaken",
                        command.implementationCode())));
        errors.throwIfAny();
        MatterElements elements = withDepartment(scope, command.elements(), command.regionId());
        Matter matter = store.insertMatter(command.matterCode().trim(), command.implementationCode().trim(),
                command.regionId(), clock.instant());
        store.insert(MatterVersion.draft(matter.id(), 1, elements, clock.instant()));
        audit.record(AuditRecord.of("matter.create", TYPE, matter.id()).region(matter.regionId())
                .reason(matter.implementationCode() + " " + elements.name()));
        return matter.id();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('matter:edit')")
    public void updateDraft(DataScope scope, long versionId, MatterElements changed) {
        MatterVersion version = editable(scope, versionId);
        Matter matter = store.matter(version.matterId()).orElseThrow();
        version.revise(withDepartment(scope, changed, matter.regionId()), clock.instant());
        store.update(version);
        audit.record(AuditRecord.of("matter.draft.update", TYPE, matter.id()).region(matter.regionId())
                .reason("v" + version.number() + " " + changed.name()));
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('matter:publish')")
    public void publish(DataScope scope, long versionId) {
        MatterVersion draft = editable(scope, versionId);
        Matter matter = store.matter(draft.matterId()).orElseThrow();
        MatterElements e = draft.elements();
        boolean inRegion = departments.inRegion(scope, e.departmentId(), matter.regionId()).isPresent();
        List<Problem> problems = PublicationRules.check(e, inRegion);
        if (!problems.isEmpty()) {
            throw new PublicationRefused(problems, problems.stream().map(this::text).collect(Collectors.joining("；")));
        }
        store.inState(matter.id(), MatterVersionState.PUBLISHED).ifPresent(previous -> {
            previous.supersede(clock.instant());
            store.update(previous);
        });
        draft.publish(clock.instant());
        store.update(draft);
        audit.record(AuditRecord.of("matter.publish", TYPE, matter.id()).region(matter.regionId())
                .reason("v" + draft.number() + " " + e.name()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                guidePages.clear(); // the public guide shows the new version at once on this node
            }
        });
    }

    /** A new draft with the elements of the published version; refused while a draft exists. */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('matter:edit')")
    public long newVersion(DataScope scope, long matterId) {
        Matter matter = load(scope, matterId);
        if (store.inState(matterId, MatterVersionState.DRAFT).isPresent()) {
            throw new BusinessRuleViolation("matter.draft.exists", messages.chinese("matter.error.draftExists"));
        }
        MatterVersion published = store.inState(matterId, MatterVersionState.PUBLISHED).orElseThrow(() ->
                new BusinessRuleViolation("matter.published.missing", messages.chinese("matter.error.noPublished")));
        MatterVersion draft = store.insert(MatterVersion.draft(matterId, store.nextNumber(matterId),
                published.elements(), clock.instant()));
        audit.record(AuditRecord.of("matter.version.create", TYPE, matterId).region(matter.regionId())
                .reason("v" + draft.number()));
        return draft.id();
    }

    String text(Problem p) {
        Object[] args = p.args().length == 1 && String.valueOf(p.args()[0]).startsWith("matter.field.")
                ? new Object[] {messages.chinese(String.valueOf(p.args()[0]))} : p.args();
        return messages.chinese(p.key(), args);
    }

    private MatterVersion editable(DataScope scope, long versionId) {
        MatterVersion version = store.version(versionId).orElseThrow(() -> new NotFoundException("version " + versionId));
        load(scope, version.matterId());
        if (version.state() != MatterVersionState.DRAFT) {
            throw new BusinessRuleViolation("matter.version.frozen", messages.chinese("matter.error.frozen"));
        }
        return version;
    }

    private MatterElements withDepartment(DataScope scope, MatterElements elements, long regionId) {
        OrgUnitView department = departments.inRegion(scope, elements.departmentId(), regionId).orElseThrow(() ->
                InvalidInputException.of("departmentId", messages.chinese("matter.rule.department")));
        return elements.withDepartment(department.id(), department.name());
    }

    Matter load(DataScope scope, long matterId) {
        Matter matter = store.matter(matterId).orElseThrow(() -> new NotFoundException("matter " + matterId));
        if (!scope.covers(matter.regionId())) {
            audit.recordIndependently(AuditRecord.of("matter.read", TYPE, matterId).outcome(AuditOutcome.DENIED)
                    .region(matter.regionId()).reason("outside data scope"));
            throw new NotFoundException("matter " + matterId);
        }
        return matter;
    }
}
