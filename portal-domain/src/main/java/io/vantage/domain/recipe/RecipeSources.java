package io.vantage.domain.recipe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a recipe may point at. The repository is code a machine fetches as the instance's user, so the URL is
 * checked before anyone launches with it: only {@code https://} and {@code ssh://} (and {@code file://} where the
 * portal's configuration allows it, for bare repositories on the portal's own host), never git's other transports
 * ({@code ext::} runs commands, {@code git://} and {@code http://} are unauthenticated), no credentials (every
 * member of the cloud project can read a machine's metadata), nothing that git could read as an option.
 */
public final class RecipeSources {

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/+-]*");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9 ._+-]*");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private RecipeSources() {
    }

    /** @return why the URL cannot be a recipe's repository, or null when it can */
    public static String urlProblem(String url, boolean fileAllowed) {
        if (url == null || url.isBlank()) {
            return "give the repository's URL";
        }
        if (url.length() > 255) {
            return "at most 255 characters (a machine's metadata values are limited)";
        }
        if (url.startsWith("-") || url.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return "no spaces, control characters or leading '-'";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            if (!fileAllowed) {
                return "file:// repositories are not allowed here (setting vantage.recipes.allow-file-urls)";
            }
            String path = uri.getPath();
            if (uri.getAuthority() != null || path == null || !path.startsWith("/") || path.contains("/../")
                    || path.endsWith("/..") || path.contains("/./")) {
                return "a file:// URL names an absolute, normalised path: file:///srv/recipes/sans.git";
            }
            return null;
        }
        if (!scheme.equals("https") && !scheme.equals("ssh")) {
            return "use an https:// (or ssh://) URL; " + (scheme.isEmpty() ? "a URL without scheme" : scheme + ":")
                    + " is refused";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "the URL names no host";
        }
        if (uri.getRawUserInfo() != null && (scheme.equals("https") || uri.getRawUserInfo().contains(":"))) {
            return "put no credentials in the URL: machines' metadata is readable by their users";
        }
        if (uri.getPath() == null || uri.getPath().length() < 2) {
            return "the URL names no repository path";
        }
        return null;
    }

    /** @return why this cannot be a branch, tag or commit, or null */
    public static String refProblem(String ref) {
        if (ref == null || ref.isBlank()) {
            return "give a branch, tag or commit";
        }
        if (ref.length() > 200) {
            return "at most 200 characters";
        }
        if (!REF.matcher(ref).matches() || ref.contains("..") || ref.contains("//") || ref.endsWith("/")
                || ref.endsWith(".lock") || ref.endsWith(".")) {
            return "a branch, tag or commit: letters, digits, '.', '_', '/', '+', '-' (no '..', not starting with '-')";
        }
        return null;
    }

    /** @return why this cannot be the main notebook's path inside the repository, or null */
    public static String notebookProblem(String notebook) {
        if (notebook == null || notebook.isBlank()) {
            return "give the main notebook's path in the repository";
        }
        if (notebook.length() > 255) {
            return "at most 255 characters";
        }
        if (!notebook.endsWith(".ipynb")) {
            return "the main notebook is a .ipynb file";
        }
        for (String segment : notebook.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.endsWith(" ")) {
                return "a path inside the repository (folders/notebook.ipynb): no leading '/', no '..', no hidden "
                        + "folders; letters, digits, spaces, '.', '_', '+', '-'";
            }
        }
        return null;
    }

    /** @return why this cannot name the recipe's folder and links, or null */
    public static String slugProblem(String slug) {
        return slug != null && SLUG.matcher(slug).matches() ? null
                : "lower-case letters, digits and '-', at most 63 characters, starting with a letter or digit";
    }

    /** A folder and link name from a display name: {@code "SANS reduction (D22)"} → {@code "sans-reduction-d22"}. */
    public static String slugOf(String name) {
        String slug = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
    }
}
