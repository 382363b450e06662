package io.vantage.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.domain.DomainJpaTest;
import io.vantage.domain.Fixtures;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.Instrument;

@DomainJpaTest
@org.springframework.context.annotation.Import(DataLocations.class)
class DataLocationsTest {

    private static final Instant START = Instant.parse("2025-03-04T08:00:00Z");

    @Autowired
    EntityManager em;

    @Autowired
    DataLocations locations;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;
    Instrument d22;
    Instrument in5;
    CloudProviderRecord cloud;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(em);
        d22 = fixtures.instrument("D22");
        in5 = fixtures.instrument("IN5");
        cloud = fixtures.provider();
        jdbc.update("delete from data_stores");
    }

    @Test
    void theMostSpecificStoreNamesTheRawFolderAndTheProposalsArea() {
        store("facility", null, null, "/facility", "processed/{proposal}");
        store("d22", d22.getId(), null, "/d22", "processed/{proposal}");
        store("d22-here", d22.getId(), cloud.getId(), "/mnt/d22", "processed/{proposal}");
        Experiment onD22 = fixtures.experiment(d22, START);
        Experiment onIn5 = fixtures.experiment(in5, START);
        em.flush();

        DataPlan plan = locations.plan(List.of(onIn5, onD22), cloud.getId(), List.of());

        String p22 = onD22.getProposal().getId();
        String p5 = onIn5.getProposal().getId();
        assertThat(plan.folders()).extracting(DataFolder::target, DataFolder::path, DataFolder::readOnly)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(onD22.getId(), "/mnt/d22/" + d22.getId() + "/2025/" + p22
                                + "/" + onD22.getId(), true),
                        org.assertj.core.groups.Tuple.tuple(p22 + "-processed", "/mnt/d22/processed/" + p22, false),
                        org.assertj.core.groups.Tuple.tuple(onIn5.getId(), "/facility/" + in5.getId() + "/2025/" + p5
                                + "/" + onIn5.getId(), true),
                        org.assertj.core.groups.Tuple.tuple(p5 + "-processed", "/facility/processed/" + p5, false));
        // on another cloud, the instrument's own store
        assertThat(locations.plan(List.of(onD22), null, List.of()).folders().get(0).path()).startsWith("/d22/");
    }

    @Test
    void userOfficePathsWinAndAProposalsAreaComesOnce() {
        store("facility", null, null, "/data", "processed/{proposal}");
        Experiment first = fixtures.experiment(d22, START);
        em.flush();
        jdbc.update("update experiments set data_path = 'custom/run-7' where id = ?", first.getId());
        jdbc.update("update proposals set data_path = '/data/teams/" + first.getProposal().getId() + "' where id = ?",
                first.getProposal().getId());
        Experiment second = new Experiment(Fixtures.unique("exp"), first.getProposal(), d22, "again", START, START);
        em.persist(second);
        em.flush();
        em.clear();
        List<Experiment> both = List.of(em.find(Experiment.class, first.getId()), em.find(Experiment.class, second.getId()));

        DataPlan plan = locations.plan(both, cloud.getId(), List.of());

        assertThat(plan.folders()).extracting(DataFolder::path).containsExactly("/data/custom/run-7",
                "/data/teams/" + first.getProposal().getId(), plan.folders().get(2).path());
        assertThat(plan.folders()).filteredOn(f -> !f.readOnly()).hasSize(1);
    }

    @Test
    void aPathOutsideItsStoreStopsThePlanNamingTheExperiment() {
        store("facility", null, null, "/data", null);
        Experiment experiment = fixtures.experiment(d22, START);
        em.flush();
        jdbc.update("update experiments set data_path = '/etc/ssh' where id = ?", experiment.getId());
        em.clear();

        assertThatThrownBy(() -> locations.plan(List.of(em.find(Experiment.class, experiment.getId())), null, List.of()))
                .isInstanceOf(DataLocationException.class).hasMessageContaining(experiment.getId())
                .hasMessageContaining("not under the store's root /data");
    }

    @Test
    void withoutAStoreThereIsNoFolderButANote() {
        store("in5-only", in5.getId(), null, "/in5", null);
        Experiment experiment = fixtures.experiment(d22, START);
        em.flush();

        DataPlan plan = locations.plan(List.of(experiment), cloud.getId(), List.of());

        assertThat(plan.folders()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains("No data store is set up for " + d22.getId());
    }

    @Test
    void aDatasetIsShownOnlyInsideItsExperimentsDataOrItsProposalsArea() {
        // on this cloud the data is reached through a copy; the catalogue names the facility's paths
        store("facility", null, null, "/data", "processed/{proposal}");
        store("copy-here", null, cloud.getId(), "/copy", "processed/{proposal}");
        Experiment experiment = fixtures.experiment(d22, START);
        Experiment other = fixtures.experiment(d22, START);
        em.flush();
        String raw = locations.rawFolders(experiment).stream().filter(p -> p.startsWith("/data/")).findFirst()
                .orElseThrow();
        String area = locations.processedFolders(experiment).stream().filter(p -> p.startsWith("/data/"))
                .findFirst().orElseThrow();
        String othersRaw = locations.rawFolders(other).stream().filter(p -> p.startsWith("/data/")).findFirst()
                .orElseThrow();
        List<InstanceDataset> datasets = List.of(
                new InstanceDataset(1L, "20.500.12269/scan", experiment.getId(), raw + "/scan-1"),
                new InstanceDataset(1L, "20.500.12269/reduced", experiment.getId(), area + "/reduced-1"),
                new InstanceDataset(1L, "20.500.12269/beside", experiment.getId(), "/data/reduced/abc"),
                new InstanceDataset(1L, "20.500.12269/store", experiment.getId(), "/data"),
                new InstanceDataset(1L, "20.500.12269/theirs", experiment.getId(), othersRaw),
                new InstanceDataset(1L, "20.500.12269/unplanned", other.getId(), othersRaw));

        DataPlan plan = locations.plan(List.of(experiment), cloud.getId(), datasets);

        assertThat(plan.folders()).extracting(DataFolder::target).containsExactly(experiment.getId(),
                experiment.getProposal().getId() + "-processed", "dataset-scan", "dataset-reduced");
        assertThat(plan.folders()).extracting(DataFolder::path).containsExactly(
                raw.replaceFirst("^/data/", "/copy/"), area.replaceFirst("^/data/", "/copy/"), raw + "/scan-1",
                area + "/reduced-1");
        assertThat(plan.folders().subList(2, 4)).allMatch(DataFolder::readOnly);
        assertThat(plan.notes()).hasSize(4).allMatch(note -> note.contains("it is not shown"));
        assertThat(String.join("\n", plan.notes())).contains("20.500.12269/beside", "20.500.12269/store",
                "20.500.12269/theirs", "20.500.12269/unplanned");
    }

    @Test
    void aDatasetInsideAFolderTheInstanceShowsIsNotShownTwice() {
        store("facility", null, null, "/data", "processed/{proposal}");
        Experiment experiment = fixtures.experiment(d22, START);
        em.flush();
        String raw = locations.rawFolders(experiment).get(0);
        String area = locations.processedFolders(experiment).get(0);

        DataPlan plan = locations.plan(List.of(experiment), cloud.getId(), List.of(
                new InstanceDataset(1L, "20.500.12269/scan", experiment.getId(), raw + "/scan-1"),
                new InstanceDataset(1L, "20.500.12269/reduced", experiment.getId(), area + "/reduced-1")));

        assertThat(plan.folders()).extracting(DataFolder::path).containsExactly(raw, area);
        assertThat(plan.notes()).isEmpty();
    }

    private void store(String name, String instrument, Long provider, String root, String processed) {
        em.persist(new DataStore(new DataStore.Definition(name, null, instrument, provider, DataStoreKind.LOCAL, null,
                root, "{instrument}/{year}/{proposal}/{experiment}", processed, null, true), null, Instant.now()));
    }
}
