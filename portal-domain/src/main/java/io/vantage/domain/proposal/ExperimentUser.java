package io.vantage.domain.proposal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.vantage.domain.user.User;

/** A person on an experiment; {@code endedAt} is set when the user office stops listing them. */
@Entity
@Table(name = "experiment_users")
@IdClass(ExperimentUser.Key.class)
public class ExperimentUser {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "experiment_id")
    private Experiment experiment;

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    private ExperimentRole role;
    private Instant endedAt;

    protected ExperimentUser() {
    }

    public ExperimentUser(Experiment experiment, User user, ExperimentRole role) {
        this.experiment = experiment;
        this.user = user;
        this.role = role;
    }

    public Experiment getExperiment() {
        return experiment;
    }

    public User getUser() {
        return user;
    }

    public ExperimentRole getRole() {
        return role;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public static class Key implements Serializable {
        private String experiment;
        private String user;

        public Key() {
        }

        public Key(String experiment, String user) {
            this.experiment = experiment;
            this.user = user;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(experiment, key.experiment)
                    && Objects.equals(user, key.user);
        }

        @Override
        public int hashCode() {
            return Objects.hash(experiment, user);
        }
    }
}
