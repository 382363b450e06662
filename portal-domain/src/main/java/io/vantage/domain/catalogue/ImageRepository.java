package io.vantage.domain.catalogue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ImageRepository extends JpaRepository<Image, Long> {

    @Query("select i from Image i where i.deleted = false order by i.name, i.version")
    List<Image> findAllActive();

    /** Every image, hidden and deleted ones too, for admins. */
    List<Image> findAllByOrderByNameAscVersionAscIdAsc();

    List<Image> findByProviderIdAndDeletedFalse(Long providerId);
}
