package io.vantage.domain.user;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "employers")
public class Employer {

    @Id
    private String id;
    private String name;
    private String town;
    private String countryCode;
    private Instant updatedAt;

    protected Employer() {
    }

    public Employer(String id, String name, String town, String countryCode) {
        this.id = id;
        this.name = name;
        this.town = town;
        this.countryCode = countryCode;
        this.updatedAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTown() {
        return town;
    }

    public String getCountryCode() {
        return countryCode;
    }
}
