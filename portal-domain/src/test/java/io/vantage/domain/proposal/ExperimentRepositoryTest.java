package io.vantage.domain.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.domain.DomainJpaTest;
import io.vantage.domain.Fixtures;
import io.vantage.domain.user.User;

@DomainJpaTest
class ExperimentRepositoryTest {

    @Autowired
    EntityManager em;

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;
    User scientist;
    User other;
    Experiment d22in2025;
    Experiment d22in2026;
    Experiment in5in2026;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(em);
        scientist = fixtures.user("Curie");
        other = fixtures.user("Other");
        Instrument d22 = fixtures.instrument("D22");
        Instrument in5 = fixtures.instrument("IN5");
        d22in2025 = fixtures.experiment(d22, Instant.parse("2025-03-01T08:00:00Z"), scientist);
        d22in2026 = fixtures.experiment(d22, Instant.parse("2026-02-01T08:00:00Z"), scientist, other);
        in5in2026 = fixtures.experiment(in5, Instant.parse("2026-06-01T08:00:00Z"), scientist);
        fixtures.experiment(in5, Instant.parse("2026-07-01T08:00:00Z"), other);
        em.flush();
    }

    @Test
    void listsTheUsersExperimentsNewestFirst() {
        Page<Experiment> page = experiments.findForUser(scientist.getId(), null, null, null, null, PageRequest.of(0, 10));
        assertThat(page.getContent()).extracting(Experiment::getId)
                .containsExactly(in5in2026.getId(), d22in2026.getId(), d22in2025.getId());
        assertThat(page.getTotalElements()).isEqualTo(3);
    }

    @Test
    void filtersByInstrumentYearAndSearchTerm() {
        assertThat(experiments.findForUser(scientist.getId(), d22in2025.getInstrument().getId(), null, null, null,
                PageRequest.of(0, 10)).getContent()).extracting(Experiment::getId)
                .containsExactly(d22in2026.getId(), d22in2025.getId());
        assertThat(experiments.findForUser(scientist.getId(), null, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), null, PageRequest.of(0, 10)).getContent())
                .extracting(Experiment::getId).containsExactly(in5in2026.getId(), d22in2026.getId());
        assertThat(experiments.findForUser(scientist.getId(), null, null, null, "in5", PageRequest.of(0, 10)).getContent())
                .extracting(Experiment::getId).containsExactly(in5in2026.getId());
    }

    @Test
    void pagesThroughResults() {
        Page<Experiment> second = experiments.findForUser(scientist.getId(), null, null, null, null, PageRequest.of(1, 2));
        assertThat(second.getContent()).extracting(Experiment::getId).containsExactly(d22in2025.getId());
        assertThat(second.getTotalPages()).isEqualTo(2);
    }

    @Test
    void endedMembershipsNoLongerCount() {
        jdbc.update("update experiment_users set ended_at = now() where experiment_id = ? and user_id = ?",
                d22in2026.getId(), scientist.getId());
        em.clear();
        assertThat(experiments.findForUser(scientist.getId(), null, null, null, null, PageRequest.of(0, 10)).getContent())
                .extracting(Experiment::getId).doesNotContain(d22in2026.getId());
        assertThat(experiments.findMemberExperimentIds(scientist.getId(),
                List.of(d22in2026.getId(), d22in2025.getId()))).containsExactly(d22in2025.getId());
    }
}
