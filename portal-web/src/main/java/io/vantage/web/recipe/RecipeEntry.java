package io.vantage.web.recipe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.web.util.UriUtils;

import io.vantage.domain.recipe.InstanceRecipe;

/**
 * Where a notebook launched with a recipe opens: its main notebook, through Jupyter's {@code tree/} path (classic
 * Notebook and Notebook 7 open a notebook file from there; the portal's entry sends the person to it after the
 * ticket, as it sends everyone else to {@code tree}).
 */
public final class RecipeEntry {

    private RecipeEntry() {
    }

    /** The path on the notebook's origin. */
    public static String path(String uid, InstanceRecipe recipe) {
        String encoded = Arrays.stream(recipe.notebookPath().split("/"))
                .map(segment -> UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
        return "/instances/" + uid + "/jupyter/tree/" + encoded;
    }

    /** The same as the entry's {@code next} parameter. */
    public static String next(String uid, InstanceRecipe recipe) {
        return URLEncoder.encode(path(uid, recipe), StandardCharsets.UTF_8);
    }
}
