package io.vantage.domain.user;

import java.time.Instant;
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

    /**
     * A person's grants that count on every request: from admins in the portal and from the user office, expired
     * ones included (callers compare with the time of the request). Roles recorded from an earlier login token
     * never count.
     */
    @Query("""
            select new io.vantage.domain.user.RoleGrant(r.name, ur.expiresAt) from UserRole ur join ur.role r
            where ur.user.id = :userId and ur.source <> io.vantage.domain.user.RoleSource.IDENTITY_PROVIDER""")
    List<RoleGrant> findGrants(@Param("userId") String userId);

    /** People with a grant that ran out in {@code (after, until]}. */
    @Query("""
            select distinct ur.user.id from UserRole ur
            where ur.expiresAt > :after and ur.expiresAt <= :until""")
    List<String> findUsersWithGrantsExpiredBetween(@Param("after") Instant after, @Param("until") Instant until);

    default Role require(SystemRole role) {
        return findByName(role.name()).orElseThrow(() -> new IllegalStateException("Role " + role + " is missing"));
    }
}
