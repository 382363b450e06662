package io.vantage.domain.user;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserRepository extends JpaRepository<User, String> {

    /** Takes a row lock on the user for the rest of the transaction (serialises quota checks). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.id = :id")
    Optional<User> lockById(@Param("id") String id);

    /** With its roles, in one query (a fetch join, whose SQL Hibernate translates once, unlike an entity graph). */
    @Query("select u from User u left join fetch u.roles r left join fetch r.role where u.id = :id")
    Optional<User> findWithRoles(@Param("id") String id);

    /** Everyone with this address: more than one person may share it (a sign-in must not guess between them). */
    @Query("select u from User u where lower(u.email) = lower(:email) order by u.id")
    List<User> findAllByEmailIgnoreCase(@Param("email") String email);

    /** Search by name, id or e-mail for sharing and admin pages. */
    @Query("""
            select u from User u
            where lower(u.lastName) like lower(concat(:term, '%'))
               or lower(u.firstName) like lower(concat(:term, '%'))
               or lower(concat(coalesce(u.firstName, ''), ' ', u.lastName)) like lower(concat(:term, '%'))
               or lower(u.email) like lower(concat(:term, '%'))
               or u.id = :term
            order by u.lastName, u.firstName
            """)
    Page<User> search(@Param("term") String term, Pageable pageable);
}
