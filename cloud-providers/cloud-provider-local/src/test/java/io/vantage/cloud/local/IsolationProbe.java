package io.vantage.cloud.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python that tries to read files and list folders and reports, per path, {@code OK} or the exception's class
 * ({@code PermissionError}), plus the uid it ran as. The same code runs in a kernel and as a desktop's user.
 */
final class IsolationProbe {

    /** A path and whether to read it as a file or list it as a folder. */
    record Target(String kind, Path path) {

        static Target read(Path path) {
            return new Target("read", path);
        }

        static Target list(Path path) {
            return new Target("list", path);
        }

        String key() {
            return kind + " " + path;
        }
    }

    private IsolationProbe() {
    }

    static String code(List<Target> targets) {
        StringBuilder code = new StringBuilder("""
                import os
                def probe(kind, path):
                    try:
                        if kind == 'list':
                            os.listdir(path)
                        else:
                            with open(path, 'rb') as f:
                                f.read(1)
                        return 'OK'
                    except Exception as e:
                        return type(e).__name__
                lines = ['uid\\t%d' % os.getuid(), 'gid\\t%d' % os.getgid()]
                """);
        for (Target target : targets) {
            code.append("lines.append(").append(quote(target.key())).append(" + '\\t' + probe(")
                    .append(quote(target.kind())).append(", ").append(quote(target.path().toString()))
                    .append("))\n");
        }
        code.append("print('@' * 2 + '\\n'.join(lines).encode().hex() + '@' * 2)\n");
        return code.toString();
    }

    /** The probe's answer: path key (or {@code uid}, {@code gid}) → outcome. */
    static Map<String, String> parse(String answer) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        answer.lines().map(line -> line.split("\t", 2)).forEach(fields -> outcomes.put(fields[0], fields[1]));
        return outcomes;
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
