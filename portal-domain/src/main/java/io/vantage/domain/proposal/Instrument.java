package io.vantage.domain.proposal;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import io.vantage.domain.user.User;

@Entity
@Table(name = "instruments")
public class Instrument {

    @Id
    private String id;
    private String name;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "instrument_scientists", joinColumns = @JoinColumn(name = "instrument_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<User> scientists = new HashSet<>();

    protected Instrument() {
    }

    public Instrument(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public void addScientist(User user) {
        scientists.add(user);
    }

    public boolean hasScientist(String userId) {
        return scientists.stream().anyMatch(user -> user.getId().equals(userId));
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<User> getScientists() {
        return Set.copyOf(scientists);
    }
}
