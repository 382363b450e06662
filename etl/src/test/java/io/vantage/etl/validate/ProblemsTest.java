package io.vantage.etl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;

class ProblemsTest {

    @Test
    void allAreCountedTheFirstKeptFatalOnesFirstThenByKindInLoadOrder() {
        Problems problems = new Problems(3);
        problems.accept(Problem.of(EntityType.EXPERIMENTS, "E1", "experiments.csv", "line 2", "title", "a"));
        problems.accept(Problem.of(EntityType.USERS, "U1", "users.csv", "line 2", "email", "b"));
        problems.accept(Problem.of(EntityType.USERS, "U2", "users.csv", "line 3", "email", "c"));
        problems.accept(Problem.of(EntityType.USERS, "U3", "users.csv", "line 4", "email", "d"));
        problems.accept(Problem.fatal(EntityType.PROPOSALS, "proposals.json", "line 9", "the JSON is malformed"));

        assertThat(problems.count()).isEqualTo(5);
        assertThat(problems.hasFatal()).isTrue();
        assertThat(problems.kept()).extracting(Problem::message).as("the fatal one kept though the list was full")
                .containsExactly("the JSON is malformed", "b", "a");
    }
}
