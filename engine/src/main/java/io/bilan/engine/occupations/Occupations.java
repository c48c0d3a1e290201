package io.bilan.engine.occupations;

import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.Page;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;
import io.bilan.occupation.CatalogueException;
import io.bilan.occupation.CatalogueSources;
import io.bilan.occupation.Occupation;
import io.bilan.occupation.OccupationCatalogue;
import io.bilan.occupation.OccupationQuery;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The occupation catalogue of the configured sources, read once at start-up: a source that cannot be read
 * stops the start with its problems, since careers matched to half a catalogue would be silently wrong.
 */
@ApplicationScoped
public class Occupations {

    private static final Logger LOG = Logger.getLogger(Occupations.class);

    private final OccupationCatalogue catalogue;

    Occupations(EngineConfig config) throws CatalogueException, IOException {
        this.catalogue = CatalogueSources.load(config.occupations().sources(), LOG::info);
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("occupation catalogue: %d occupations", catalogue.size());
    }

    /** The occupations matching {@code query}. */
    public List<Occupation> search(OccupationQuery query) {
        return catalogue.search(query);
    }

    /**
     * A page of the occupations matching {@code query}, in the search's order. The catalogue does not change while
     * the engine runs, so a search gives the same order every time: a page starts after the occupation its cursor
     * names, which must be among the matches.
     */
    public Page<Occupation> search(OccupationQuery query, PageRequest page) {
        List<Occupation> found = catalogue.search(query);
        int start = 0;
        if (page.after() != null) {
            String last = page.after().text(0);
            start = java.util.stream.IntStream.range(0, found.size()).filter(i -> found.get(i).id().equals(last))
                    .findFirst().orElseThrow(Cursor::invalid) + 1;
        }
        return page.page(found.subList(start, Math.min(found.size(), start + page.fetch())),
                occupation -> Cursor.of(occupation.id()), occupation -> occupation);
    }

    /** The occupation {@code id}. */
    public Occupation get(String id) {
        return catalogue.find(id).orElseThrow(() -> new ProblemException(ProblemType.OCCUPATION_NOT_FOUND,
                Texts.of("rule.unknown-occupation", id)));
    }

    /** The occupation {@code id}, if the catalogue has it. */
    public java.util.Optional<Occupation> find(String id) {
        return catalogue.find(id);
    }

    /** The occupations whose words match {@code words}, best first, at most {@code limit}: what to choose from. */
    public List<Occupation> candidates(String words, int limit) {
        List<Occupation> found = catalogue.search(new OccupationQuery(words, null, null));
        return found.subList(0, Math.min(limit, found.size()));
    }

    /** The whole catalogue, for matching. */
    public OccupationCatalogue catalogue() {
        return catalogue;
    }
}
