package io.vantage.domain.cloud;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SecurityGroupRepository extends JpaRepository<SecurityGroup, Long> {

    @Query("select distinct g from SecurityGroup g left join fetch g.rules where g.provider.id = :providerId order by g.name")
    List<SecurityGroup> findByProvider(@Param("providerId") Long providerId);

    boolean existsByProviderIdAndName(Long providerId, String name);

    @Query("select distinct g from SecurityGroup g join g.rules r where r.roleId = :roleId order by g.name")
    List<SecurityGroup> findWithRoleRule(@Param("roleId") Long roleId);
}
