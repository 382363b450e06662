package io.vantage.domain.instance;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceExpirationRepository extends JpaRepository<InstanceExpiration, Long> {

    /** The pending expirations of these instances, by instance id, in one query (a list's rows have none or one). */
    default Map<Long, InstanceExpiration> byInstanceId(Collection<Instance> instances) {
        return findAllById(instances.stream().map(Instance::getId).toList()).stream()
                .collect(Collectors.toMap(InstanceExpiration::getInstanceId, Function.identity()));
    }
}
