package io.vantage.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.Screen;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.ExperimentRole;
import io.vantage.domain.proposal.ExperimentUser;
import io.vantage.domain.proposal.Instrument;
import io.vantage.domain.proposal.Proposal;
import io.vantage.domain.user.User;

/** Builds small, valid object graphs for tests, persisted through the given entity manager. */
public class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final EntityManager em;

    public Fixtures(EntityManager em) {
        this.em = em;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    /** A random instance uid of the portal's usual shape (12 lower-case letters and digits). */
    public static String uid() {
        String random = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        return (random + "000000000000").substring(0, 12);
    }

    public User user(String lastName) {
        User user = new User(unique("u"), "Ada", lastName, lastName.toLowerCase() + "@example.org");
        em.persist(user);
        return user;
    }

    public CloudProviderRecord provider() {
        CloudProviderRecord provider = new CloudProviderRecord(unique("cloud").toLowerCase(), "local", "{}");
        em.persist(provider);
        return provider;
    }

    public Protocol protocol(ProtocolKind kind) {
        return em.createQuery("select p from Protocol p where p.kind = :kind", Protocol.class)
                .setParameter("kind", kind).setMaxResults(1).getSingleResult();
    }

    public Plan plan() {
        CloudProviderRecord provider = provider();
        Protocol vnc = protocol(ProtocolKind.VNC);
        Image image = new Image("Ubuntu desktop", "24.04", provider, "desktop", Set.of(vnc), vnc);
        em.persist(image);
        Flavour flavour = new Flavour(unique("small"), 2, 4096, 0, provider, "small");
        em.persist(flavour);
        Plan plan = new Plan(image, flavour, false);
        em.persist(plan);
        return plan;
    }

    public Instrument instrument(String name) {
        Instrument instrument = new Instrument(unique("instr"), name);
        em.persist(instrument);
        return instrument;
    }

    public Experiment experiment(Instrument instrument, Instant start, User... members) {
        Proposal proposal = new Proposal(unique("prop"), "Structure of " + instrument.getName() + " samples");
        em.persist(proposal);
        Experiment experiment = new Experiment(unique("exp"), proposal, instrument, "Beamtime on " + instrument.getName(),
                start, start.plus(3, ChronoUnit.DAYS));
        em.persist(experiment);
        for (User member : members) {
            em.persist(new ExperimentUser(experiment, member, ExperimentRole.PARTICIPANT));
        }
        return experiment;
    }

    public Instance instance(User owner, Plan plan, Instant now) {
        Instance instance = Instance.launch(uid(), "analysis", owner, plan, List.of(),
                Screen.DEFAULT, "en-us-qwerty", "secret", now);
        instance.startLifetime(now.plus(14, ChronoUnit.DAYS), now); // the expiry module's part of a launch
        em.persist(instance);
        return instance;
    }
}
