package org.oneseal.matter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneseal.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue as other modules and the public see it. Published versions are public information; a
 * version in any state can be read by id, because a case keeps the version it was started with.
 */
@Service
public class MatterCatalogue {

    private final MatterStore store;
    private final CatalogueQueries queries;

    MatterCatalogue(MatterStore store, CatalogueQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /** Any version by id (draft, published or superseded). */
    @Transactional(readOnly = true)
    public MatterVersionView version(long versionId) {
        MatterVersion version = store.version(versionId).orElseThrow(() -> new NotFoundException("version " + versionId));
        return version.view(store.matter(version.matterId()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public Optional<MatterVersionView> currentPublished(long matterId) {
        return store.matter(matterId).flatMap(m -> store.inState(matterId, MatterVersionState.PUBLISHED)
                .map(v -> v.view(m)));
    }

    /**
     * The names of the current published versions of matters, by matter id, in one statement (for lists of records
     * that name many matters); a matter with no published version is left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> publishedNames(Collection<Long> matterIds) {
        return queries.publishedNames(matterIds);
    }

    /** Every current published version, of one region or (null) of all regions. */
    @Transactional(readOnly = true)
    public List<MatterVersionView> published(Long regionId) {
        return queries.publishedVersionIds(regionId).stream().map(this::version).toList();
    }

    /** The public guide of a matter: its current published version, or empty. */
    @Transactional(readOnly = true)
    public Optional<ServiceGuide> guide(long matterId) {
        return store.matter(matterId).flatMap(m -> store.inState(matterId, MatterVersionState.PUBLISHED)
                .map(v -> new ServiceGuide(m.id(), v.id(), v.number(), m.matterCode(), m.implementationCode(),
                        m.regionId(), v.publishedAt(), v.elements())));
    }

    @Transactional(readOnly = true)
    public List<GuideSummary> search(GuideQuery query) {
        return queries.search(query);
    }
}
