package io.vantage.domain.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that names a folder under a store's root, e.g. {@code {instrument}/{year}/{proposal}/{experiment}}, and the
 * checks that keep every path made from rules, user-office paths and ids inside the root. Ids come from outside
 * (the user office, SciCat): one that is not a plain folder name never becomes part of a path.
 */
public final class PathRule {

    /** What raw rules may use: {@code {cycle}} is the half-year of the experiment's start, {@code 2025-1} or {@code 2025-2}. */
    public static final Set<String> RAW_PLACEHOLDERS = Set.of("instrument", "proposal", "experiment", "year", "cycle");
    /** What a proposal's area may depend on: not one experiment. */
    public static final Set<String> PROCESSED_PLACEHOLDERS = Set.of("instrument", "proposal");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,254}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_{}][A-Za-z0-9._{}-]*");

    private PathRule() {
    }

    /** Why the rule is unusable, or null when it is fine. */
    public static String problem(String rule, Set<String> allowed) {
        if (rule == null || rule.isBlank()) {
            return "must not be empty";
        }
        if (rule.startsWith("/")) {
            return "must be relative to the store's root (no leading /)";
        }
        for (String segment : rule.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !LITERAL.matcher(segment).matches()) {
                return "folder '" + segment + "' is not allowed: use letters, digits, '.', '_', '-' and placeholders";
            }
        }
        Matcher placeholder = PLACEHOLDER.matcher(rule);
        while (placeholder.find()) {
            if (!allowed.contains(placeholder.group(1))) {
                return "unknown placeholder {" + placeholder.group(1) + "}; use " + allowed.stream().sorted()
                        .map(name -> "{" + name + "}").toList();
            }
        }
        String rest = PLACEHOLDER.matcher(rule).replaceAll("x");
        return rest.contains("{") || rest.contains("}") ? "has a brace that is not part of a placeholder" : null;
    }

    /** The values of an experiment's placeholders. */
    public static Map<String, String> values(String instrument, String proposal, String experiment, Instant start) {
        ZonedDateTime at = start.atZone(ZoneOffset.UTC);
        return Map.of("instrument", instrument, "proposal", proposal, "experiment", experiment,
                "year", Integer.toString(at.getYear()), "cycle", at.getYear() + "-" + (at.getMonthValue() <= 6 ? 1 : 2));
    }

    /**
     * The rule with its placeholders filled in, under {@code root}.
     *
     * @throws IllegalArgumentException when a value is not a plain folder name (says which)
     */
    public static String expand(String root, String rule, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(rule);
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null || !SEGMENT.matcher(value).matches()) {
                throw new IllegalArgumentException("the " + placeholder.group(1) + " '" + value
                        + "' cannot name a folder (letters, digits, '.', '_', '-' only)");
            }
            placeholder.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(path);
        return join(root, path.toString());
    }

    /**
     * A path the user office gave: relative to the root, or absolute and under it.
     *
     * @throws IllegalArgumentException when it leaves the root or is not a clean path
     */
    public static String within(String root, String given) {
        String path = given.strip();
        if (path.startsWith("/")) {
            requireNormal(path);
            if (!path.equals(root) && !path.startsWith(root.equals("/") ? "/" : root + "/")) {
                throw new IllegalArgumentException("'" + given + "' is not under the store's root " + root);
            }
            return path;
        }
        return join(root, path);
    }

    /** A normalised absolute root: no trailing slash, no {@code .}, {@code ..} or empty folders. */
    public static String normaliseRoot(String root) {
        String path = root.strip();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("must be an absolute path (starting with /)");
        }
        requireNormal(path);
        return path;
    }

    /** Whether {@code path} is {@code folder} or inside it. */
    public static boolean isInside(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder.equals("/") ? "/" : folder + "/");
    }

    private static String join(String root, String relative) {
        String path = (root.equals("/") ? "" : root) + "/" + relative;
        requireNormal(path);
        return path;
    }

    private static void requireNormal(String path) {
        if (path.equals("/")) {
            return;
        }
        for (String segment : List.of(path.substring(1).split("/", -1))) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("'" + path + "' is not a clean path (empty, '.' or '..' folders)");
            }
        }
    }
}
