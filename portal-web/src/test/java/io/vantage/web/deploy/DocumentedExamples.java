package io.vantage.web.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a document marked {@code <!-- checked: KIND NAME -->} on the line before them: what the
 * documentation shows operators, so the tests can hold it to what the code reads.
 */
final class DocumentedExamples {

    private static final Pattern BLOCK =
            Pattern.compile("<!-- checked: (\\S+) (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    record Example(String kind, String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    private DocumentedExamples() {
    }

    static List<Example> of(String document, String kind) {
        try {
            List<Example> examples = new ArrayList<>();
            Matcher m = BLOCK.matcher(Files.readString(Repository.path(document)));
            while (m.find()) {
                if (m.group(1).equals(kind)) {
                    examples.add(new Example(kind, m.group(2), m.group(3)));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Example named(String document, String kind, String name) {
        return of(document, kind).stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(document + " has no '" + kind + " " + name + "' example"));
    }

    static Path file(Example example) {
        return ChartRenderer.write(example.text());
    }
}
