package io.vantage.web.launch;

import java.util.ArrayList;
import java.util.List;

import io.vantage.api.launch.KeyboardLayouts;
import io.vantage.api.launch.LaunchRequest;
import io.vantage.web.recipe.RecipeWizard;

/** The wizard's choices, carried from step to step as request parameters. */
public class LaunchForm implements RecipeWizard.Choice {

    private List<String> experiment = new ArrayList<>();
    /** Datasets opened with {@code /open?pid=}, carried through the steps. */
    private List<String> dataset = new ArrayList<>();
    private Long image;
    private Long plan;
    private String name;
    private Integer screenWidth = 1920;
    private Integer screenHeight = 1080;
    private String keyboardLayout = KeyboardLayouts.DEFAULT;
    private Integer lifetimeHours;
    private String q;
    /** An analysis recipe's slug (or id, from a link), and the technique the recipe list is filtered by. */
    private String recipe;
    private String technique;

    LaunchRequest toRequest() {
        return new LaunchRequest(plan, experiments(), name, screenWidth, screenHeight, keyboardLayout, lifetimeHours,
                datasets(), recipe);
    }

    public List<String> datasets() {
        return dataset == null ? List.of() : dataset.stream().filter(d -> d != null && !d.isBlank()).distinct().toList();
    }

    public List<String> getDataset() {
        return dataset;
    }

    public void setDataset(List<String> dataset) {
        this.dataset = dataset;
    }

    public List<String> experiments() {
        return experiment == null ? List.of() : experiment.stream().filter(e -> e != null && !e.isBlank()).distinct().toList();
    }

    public List<String> getExperiment() {
        return experiment;
    }

    public void setExperiment(List<String> experiment) {
        this.experiment = experiment;
    }

    public Long getImage() {
        return image;
    }

    public void setImage(Long image) {
        this.image = image;
    }

    public Long getPlan() {
        return plan;
    }

    public void setPlan(Long plan) {
        this.plan = plan;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getScreenWidth() {
        return screenWidth;
    }

    public void setScreenWidth(Integer screenWidth) {
        this.screenWidth = screenWidth;
    }

    public Integer getScreenHeight() {
        return screenHeight;
    }

    public void setScreenHeight(Integer screenHeight) {
        this.screenHeight = screenHeight;
    }

    public String getKeyboardLayout() {
        return keyboardLayout;
    }

    public void setKeyboardLayout(String keyboardLayout) {
        this.keyboardLayout = keyboardLayout;
    }

    public Integer getLifetimeHours() {
        return lifetimeHours;
    }

    public void setLifetimeHours(Integer lifetimeHours) {
        this.lifetimeHours = lifetimeHours;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    @Override
    public String getRecipe() {
        return recipe;
    }

    @Override
    public void setRecipe(String recipe) {
        this.recipe = recipe;
    }

    @Override
    public String getTechnique() {
        return technique;
    }

    public void setTechnique(String technique) {
        this.technique = technique;
    }
}
