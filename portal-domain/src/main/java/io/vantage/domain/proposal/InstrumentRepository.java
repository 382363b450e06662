package io.vantage.domain.proposal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InstrumentRepository extends JpaRepository<Instrument, String> {

    @Query("select i from Instrument i join i.scientists s where s.id = :userId order by i.name")
    List<Instrument> findByScientist(@Param("userId") String userId);
}
