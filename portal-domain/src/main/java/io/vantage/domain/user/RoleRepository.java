package io.vantage.domain.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RoleRepository extends JpaRepository<Role, Long> {

    Optional<Role> findByName(String name);

    List<Role> findByNameIn(Collection<String> names);

    List<Role> findAllByOrderByName();

    /** Users holding the role, expired grants included (they are removed with the role). */
    @Query("select count(ur) from UserRole ur where ur.role.id = :roleId")
    long countHolders(@Param("roleId") Long roleId);

    default Role require(SystemRole role) {
        return findByName(role.name()).orElseThrow(() -> new IllegalStateException("Role " + role + " is missing"));
    }
}
