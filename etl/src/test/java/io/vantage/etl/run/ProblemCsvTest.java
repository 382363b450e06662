package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;

class ProblemCsvTest {

    @Test
    void oneRowPerProblemWithTheRecordIdAndNoFormulaFromTheExport() {
        StringBuilder out = new StringBuilder();
        ProblemCsv csv = new ProblemCsv(out);
        csv.row(Problem.of(EntityType.USERS, "=HYPERLINK(\"http://evil\")", "users.csv", "line 4", "email",
                "'n/a' is not an e-mail address, really"));
        csv.row(Problem.fatal(EntityType.PROPOSALS, "proposals.json", "line 1, column 29", "the JSON is malformed"));
        csv.flush();

        assertThat(out.toString().split("\r\n")).containsExactly(
                "severity,kind,record_id,file,line,field,problem",
                "row,users,\"'=HYPERLINK(\"\"http://evil\"\")\",users.csv,line 4,email,\"'n/a' is not an e-mail"
                        + " address, really\"",
                "fatal,proposals,,proposals.json,\"line 1, column 29\",,the JSON is malformed");
    }
}
