package io.vantage.domain.catalogue;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProtocolRepository extends JpaRepository<Protocol, Long> {

    Optional<Protocol> findByName(String name);
}
