package io.vantage.domain.user;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RolePolicyRepository extends JpaRepository<RolePolicy, Long> {

    @Query("select p from RolePolicy p join fetch p.role r where r.name in :names")
    List<RolePolicy> findByRoleNames(@Param("names") Collection<String> names);

    @Query("select p from RolePolicy p join fetch p.role")
    List<RolePolicy> findAllWithRole();
}
