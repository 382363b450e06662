package io.vantage.domain.expiry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WarningLeadRepository extends JpaRepository<WarningLead, Long> {

    Optional<WarningLead> findByRoleId(Long roleId);

    Optional<WarningLead> findByImageId(Long imageId);

    /** The leads set for any of these roles, by role name. */
    @Query("select w from WarningLead w, Role r where r.id = w.roleId and r.name in :names")
    List<WarningLead> findByRoleNames(@Param("names") Collection<String> names);
}
