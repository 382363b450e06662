package io.vantage.web.recipe;

import java.util.Arrays;
import java.util.List;

import io.vantage.api.recipe.RecipeRequest;
import io.vantage.api.recipe.RecipeView;

/** The admin page's recipe form; fields are named as in the API request, techniques as one comma-separated text. */
public class RecipeForm {

    private String name;
    private String slug;
    private String description;
    private String techniques;
    private String url;
    private String ref = "main";
    private String notebook;
    private Long planId;
    private boolean enabled = true;

    static RecipeForm of(RecipeView r) {
        RecipeForm form = new RecipeForm();
        form.name = r.name();
        form.slug = r.slug();
        form.description = r.description();
        form.techniques = String.join(", ", r.techniques());
        form.url = r.url();
        form.ref = r.ref();
        form.notebook = r.notebook();
        form.planId = r.planId();
        form.enabled = r.enabled();
        return form;
    }

    RecipeRequest toRequest() {
        List<String> list = techniques == null ? List.of()
                : Arrays.stream(techniques.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new RecipeRequest(name, slug, description, list, url, ref, notebook, planId, enabled);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTechniques() {
        return techniques;
    }

    public void setTechniques(String techniques) {
        this.techniques = techniques;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public String getNotebook() {
        return notebook;
    }

    public void setNotebook(String notebook) {
        this.notebook = notebook;
    }

    public Long getPlanId() {
        return planId;
    }

    public void setPlanId(Long planId) {
        this.planId = planId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
