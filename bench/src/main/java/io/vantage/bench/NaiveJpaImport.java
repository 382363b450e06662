package io.vantage.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.ExperimentRole;
import io.vantage.domain.proposal.ExperimentUser;
import io.vantage.domain.proposal.Instrument;
import io.vantage.domain.proposal.Proposal;
import io.vantage.domain.user.Employer;
import io.vantage.domain.user.User;

/**
 * The baseline: what an import written the obvious way does. Each row is read from the same CSV files and saved
 * on its own through a Spring Data repository (one transaction per row, merge semantics since ids are assigned).
 */
final class NaiveJpaImport {

    private final EntityManager em;
    private final TransactionTemplate tx;

    NaiveJpaImport(EntityManager em, TransactionTemplate tx) {
        this.em = em;
        this.tx = tx;
    }

    long run(Path dir) throws IOException {
        var employers = new SimpleJpaRepository<Employer, String>(Employer.class, em);
        var users = new SimpleJpaRepository<User, String>(User.class, em);
        var instruments = new SimpleJpaRepository<Instrument, String>(Instrument.class, em);
        var proposals = new SimpleJpaRepository<Proposal, String>(Proposal.class, em);
        var experiments = new SimpleJpaRepository<Experiment, String>(Experiment.class, em);
        var members = new SimpleJpaRepository<ExperimentUser, ExperimentUser.Key>(ExperimentUser.class, em);
        long rows = 0;
        rows += each(dir, "employers.csv", r -> save(() -> employers.save(
                new Employer(r.get("id"), r.get("name"), r.get("town"), r.get("country_code")))));
        rows += each(dir, "users.csv", r -> save(() -> {
            User user = new User(r.get("id"), r.get("first_name"), r.get("last_name"), r.get("email"));
            user.setAffiliation(em.getReference(Employer.class, r.get("employer_id")));
            users.save(user);
        }));
        rows += each(dir, "instruments.csv", r -> save(() -> instruments.save(
                new Instrument(r.get("id"), r.get("name")))));
        rows += each(dir, "proposals.csv", r -> save(() -> proposals.save(new Proposal(r.get("id"), r.get("title")))));
        rows += each(dir, "experiments.csv", r -> save(() -> experiments.save(new Experiment(r.get("id"),
                em.getReference(Proposal.class, r.get("proposal_id")),
                em.getReference(Instrument.class, r.get("instrument_id")), r.get("title"),
                Instant.parse(r.get("start_date")), Instant.parse(r.get("end_date"))))));
        rows += each(dir, "experiment_members.csv", r -> save(() -> members.save(new ExperimentUser(
                em.getReference(Experiment.class, r.get("experiment_id")), em.getReference(User.class, r.get("user_id")),
                ExperimentRole.valueOf(r.get("role"))))));
        return rows;
    }

    private void save(Runnable work) {
        tx.executeWithoutResult(status -> work.run());
    }

    private static long each(Path dir, String file, Consumer<CSVRecord> action) throws IOException {
        long rows = 0;
        try (Reader reader = Files.newBufferedReader(dir.resolve(file)); CSVParser parser = CSVParser.builder()
                .setReader(reader).setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
                .get()) {
            for (CSVRecord record : parser) {
                action.accept(record);
                rows++;
            }
        }
        return rows;
    }
}
