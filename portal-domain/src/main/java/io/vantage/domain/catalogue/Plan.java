package io.vantage.domain.catalogue;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** What a user picks at launch: an image on a flavour. */
@Entity
@Table(name = "plans")
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "image_id")
    private Image image;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "flavour_id")
    private Flavour flavour;

    private boolean preset;
    private boolean deleted;
    private Instant createdAt;

    protected Plan() {
    }

    public Plan(Image image, Flavour flavour, boolean preset) {
        if (!image.getProvider().getId().equals(flavour.getProvider().getId())) {
            throw new IllegalArgumentException("Image '" + image.getName() + "' and flavour '" + flavour.getName()
                    + "' belong to different cloud providers");
        }
        this.image = image;
        this.flavour = flavour;
        this.preset = preset;
        this.createdAt = Instant.now();
    }

    public void delete() {
        this.deleted = true;
    }

    /** Presets are offered first at launch; a withdrawn plan is offered nowhere, so it cannot be one. */
    public void markPreset(boolean newPreset) {
        if (newPreset && deleted) {
            throw new IllegalArgumentException("A deleted plan cannot be a preset");
        }
        this.preset = newPreset;
    }

    public Long getId() {
        return id;
    }

    public Image getImage() {
        return image;
    }

    public Flavour getFlavour() {
        return flavour;
    }

    public boolean isPreset() {
        return preset;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
