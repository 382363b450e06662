package io.vantage.domain.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RoleRepository extends JpaRepository<Role, Long> {

    Optional<Role> findByName(String name);

    List<Role> findByNameIn(Collection<String> names);

    default Role require(SystemRole role) {
        return findByName(role.name()).orElseThrow(() -> new IllegalStateException("Role " + role + " is missing"));
    }
}
