package io.vantage.domain.instance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceCommandRepository extends JpaRepository<InstanceCommand, Long> {

    List<InstanceCommand> findByInstanceIdOrderByCreatedAtDescIdDesc(Long instanceId);

    boolean existsByInstanceIdAndStateIn(Long instanceId, java.util.Collection<CommandState> states);

    /** The latest command of one type for an instance (e.g. the last time data was given to its machine). */
    java.util.Optional<InstanceCommand> findFirstByInstanceIdAndTypeOrderByIdDesc(Long instanceId, CommandType type);

    /** The newest command of this type that ended in one of these states (e.g. the last time limit moved or refused). */
    java.util.Optional<InstanceCommand> findFirstByInstanceIdAndTypeAndStateInOrderByIdDesc(
            Long instanceId, CommandType type, java.util.Collection<CommandState> states);
}
