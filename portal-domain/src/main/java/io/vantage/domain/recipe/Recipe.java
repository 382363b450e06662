package io.vantage.domain.recipe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.vantage.domain.catalogue.Plan;

/**
 * An analysis recipe: a notebook repository at a ref, the plan (image and size) it runs on, and the notebook that
 * opens first. Launching with it clones the repository into {@code ~/recipes/<slug>} of the instance.
 */
@Entity
@Table(name = "recipes")
public class Recipe {

    /** What the admin gives; checked by {@link #update}. */
    public record Definition(String slug, String name, String description, List<String> techniques, String url,
                             String ref, String notebook, Plan plan, boolean enabled) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String slug;
    private String name;
    private String description;
    private String techniques;
    private String url;
    private String ref;
    private String notebook;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;

    protected Recipe() {
    }

    public Recipe(Definition definition, boolean fileUrlsAllowed, Instant now) {
        this.createdAt = now;
        update(definition, fileUrlsAllowed, now);
    }

    /** @throws RecipeException naming the first field that is wrong */
    public void update(Definition d, boolean fileUrlsAllowed, Instant now) {
        String newName = strip(d.name());
        if (newName == null) {
            throw new RecipeException("name", "give the recipe a name");
        }
        String newSlug = strip(d.slug()) == null ? RecipeSources.slugOf(newName) : strip(d.slug());
        check(strip(d.slug()) == null ? "name" : "slug", RecipeSources.slugProblem(newSlug));
        String newUrl = strip(d.url());
        check("url", RecipeSources.urlProblem(newUrl, fileUrlsAllowed));
        String newRef = strip(d.ref());
        check("ref", RecipeSources.refProblem(newRef));
        String newNotebook = strip(d.notebook());
        check("notebook", RecipeSources.notebookProblem(newNotebook));
        List<String> newTechniques = new ArrayList<>();
        for (String technique : d.techniques() == null ? List.<String>of() : d.techniques()) {
            String t = strip(technique);
            if (t == null || newTechniques.stream().anyMatch(t::equalsIgnoreCase)) {
                continue;
            }
            if (t.length() > 50 || !t.matches("[^,<>\\p{Cntrl}]+")) {
                throw new RecipeException("techniques", "each technique at most 50 characters, without ',', '<', '>'");
            }
            newTechniques.add(t);
        }
        if (newTechniques.size() > 10) {
            throw new RecipeException("techniques", "at most 10 techniques");
        }
        if (d.plan() == null) {
            throw new RecipeException("planId", "choose the environment and size the recipe runs on");
        }
        if (d.plan().isDeleted()) {
            throw new RecipeException("planId", "this plan was withdrawn; choose another");
        }
        this.slug = newSlug;
        this.name = newName;
        this.description = strip(d.description());
        this.techniques = newTechniques.isEmpty() ? null : String.join(",", newTechniques);
        this.url = newUrl;
        this.ref = newRef;
        this.notebook = newNotebook;
        this.plan = d.plan();
        this.enabled = d.enabled();
        this.updatedAt = now;
    }

    /** Whether the recipe serves this technique (case-insensitive); every recipe serves "no technique". */
    public boolean serves(String technique) {
        return technique == null || technique.isBlank()
                || getTechniques().stream().anyMatch(t -> t.equalsIgnoreCase(technique.strip()));
    }

    private static void check(String field, String problem) {
        if (problem != null) {
            throw new RecipeException(field, problem);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getTechniques() {
        return techniques == null ? List.of() : Arrays.asList(techniques.split(","));
    }

    public String getUrl() {
        return url;
    }

    public String getRef() {
        return ref;
    }

    public String getNotebook() {
        return notebook;
    }

    public Plan getPlan() {
        return plan;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
