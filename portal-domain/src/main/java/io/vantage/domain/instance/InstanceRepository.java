package io.vantage.domain.instance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InstanceRepository extends JpaRepository<Instance, Long> {

    Optional<Instance> findByUid(String uid);

    /** Instances a user owns or was given access to, not deleted, newest first. */
    @Query("""
            select i from Instance i
            where i.state <> io.vantage.domain.instance.InstanceState.DELETED
              and exists (select 1 from InstanceMember m where m.instance = i and m.user.id = :userId)
            order by i.createdAt desc, i.id desc
            """)
    List<Instance> findVisibleTo(@Param("userId") String userId);

    /** Instances a user owns, not deleted. */
    @Query("""
            select i from Instance i
            where i.state <> io.vantage.domain.instance.InstanceState.DELETED
              and exists (select 1 from InstanceMember m
                          where m.instance = i and m.user.id = :userId
                            and m.role = io.vantage.domain.instance.MemberRole.OWNER)
            order by i.createdAt desc, i.id desc
            """)
    List<Instance> findOwnedBy(@Param("userId") String userId);

    List<Instance> findByStateIn(Collection<InstanceState> states);

    @Query("select i from Instance i where i.state <> io.vantage.domain.instance.InstanceState.DELETED")
    List<Instance> findAllAlive();

    /** Ids of the instances the expiry sweep looks at, in a stable order. */
    @Query("""
            select i.id from Instance i where i.state not in (io.vantage.domain.instance.InstanceState.DELETING,
                                                              io.vantage.domain.instance.InstanceState.DELETED)
              and i.pool.pooled = false
            order by i.id""")
    List<Long> findIdsNotBeingDeleted();

    @Query("""
            select i from Instance i
            where i.pool.pooled = false and (:state is null or i.state = :state)
              and (:providerId is null or i.provider.id = :providerId)
              and (:term is null or lower(i.name) like lower(concat('%', cast(:term as string), '%'))
                   or i.uid = :term
                   or exists (select 1 from InstanceMember m where m.instance = i
                              and m.role = io.vantage.domain.instance.MemberRole.OWNER
                              and (lower(m.user.lastName) like lower(concat(cast(:term as string), '%'))
                                   or m.user.id = :term)))
            order by i.createdAt desc, i.id desc
            """)
    Page<Instance> search(@Param("state") InstanceState state, @Param("providerId") Long providerId,
                          @Param("term") String term, Pageable pageable);

    boolean existsByUid(String uid);

    /** The machines of a plan's pool, not deleted, oldest first. */
    @Query("""
            select i from Instance i
            where i.pool.pooled = true and i.plan.id = :planId
              and i.state <> io.vantage.domain.instance.InstanceState.DELETED
            order by i.createdAt, i.id""")
    List<Instance> findPoolMachines(@Param("planId") Long planId);

    /** Instances people use (pool machines are drained by the pool, not counted). */
    @Query("""
            select count(i) from Instance i
            where i.state <> io.vantage.domain.instance.InstanceState.DELETED and i.pool.pooled = false
              and i.plan.image.id = :imageId""")
    long countAliveWithImage(@Param("imageId") Long imageId);

    @Query("""
            select count(i) from Instance i
            where i.state <> io.vantage.domain.instance.InstanceState.DELETED and i.pool.pooled = false
              and i.plan.flavour.id = :flavourId""")
    long countAliveWithFlavour(@Param("flavourId") Long flavourId);

    @Query("""
            select count(i) from Instance i
            where i.state <> io.vantage.domain.instance.InstanceState.DELETED and i.pool.pooled = false
              and i.plan.id = :planId""")
    long countAliveWithPlan(@Param("planId") Long planId);

    @Query("""
            select count(i) from Instance i
            where i.state <> io.vantage.domain.instance.InstanceState.DELETED and i.provider.id = :providerId""")
    long countAliveOnProvider(@Param("providerId") Long providerId);

    /** Instances of any state, deleted ones too: their history keeps the provider referenced. */
    long countByProviderId(Long providerId);
}
