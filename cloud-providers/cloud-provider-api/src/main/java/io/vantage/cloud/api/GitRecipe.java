package io.vantage.cloud.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An analysis recipe the machine clones at its start ({@code docs/image-contract.md}, "Recipes"): a git repository
 * at a ref, into {@code ~/recipes/<name>}, as the instance's user, whose main notebook opens first. The portal has
 * checked the values (scheme, ref and path characters); a machine still treats the repository as untrusted code:
 * no hooks, no submodules, and a failed clone leaves a note instead of stopping the start.
 *
 * @param name     the folder under {@code ~/recipes}: lower-case letters, digits and '-'
 * @param url      {@code https://}, {@code ssh://} or (where the portal allows it) {@code file://}
 * @param ref      a branch, tag or commit
 * @param notebook the main notebook's path inside the repository
 */
public record GitRecipe(String name, String url, String ref, String notebook) {

    public static final String NAME_KEY = "vantage-recipe-name";
    public static final String URL_KEY = "vantage-recipe-url";
    public static final String REF_KEY = "vantage-recipe-ref";
    public static final String NOTEBOOK_KEY = "vantage-recipe-notebook";

    public GitRecipe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(notebook, "notebook");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("recipe name " + name);
        }
    }

    /** The metadata keys (OpenStack, KubeVirt, Proxmox VE). */
    public Map<String, String> metadata() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(NAME_KEY, name);
        values.put(URL_KEY, url);
        values.put(REF_KEY, ref);
        values.put(NOTEBOOK_KEY, notebook);
        return values;
    }

    /** The same as environment variables (Kubernetes pods, Slurm jobs). */
    public Map<String, String> environment() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("VANTAGE_RECIPE_NAME", name);
        values.put("VANTAGE_RECIPE_URL", url);
        values.put("VANTAGE_RECIPE_REF", ref);
        values.put("VANTAGE_RECIPE_NOTEBOOK", notebook);
        return values;
    }

    /**
     * The script that clones a recipe as the user running it ({@code VANTAGE_RECIPE_*} from {@link #environment()},
     * {@code HOME}): the reference image ships the same file ({@code packer/files/vantage-recipe}).
     */
    public static String cloneScript() {
        try (java.io.InputStream in = GitRecipe.class.getResourceAsStream("vantage-recipe")) {
            return new String(java.util.Objects.requireNonNull(in, "vantage-recipe").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads the keys back ({@link #metadata()}); empty when the machine has no recipe. */
    public static java.util.Optional<GitRecipe> fromMetadata(Map<String, String> values) {
        if (values.get(URL_KEY) == null || values.get(NAME_KEY) == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new GitRecipe(values.get(NAME_KEY), values.get(URL_KEY),
                values.getOrDefault(REF_KEY, "HEAD"), values.getOrDefault(NOTEBOOK_KEY, "")));
    }
}
