package io.vantage.domain.transfer;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TransferSettingsRepository extends JpaRepository<TransferSettings, Long> {
}
