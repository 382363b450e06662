package io.vantage.web.user;

import java.time.LocalDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of a user's admin page. */
final class UserForms {

    private UserForms() {
    }

    /** A portal grant; without an expiry it lasts until revoked. */
    static class GrantForm {
        @NotBlank
        private String role;
        @Future
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime expiresAt;

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public LocalDateTime getExpiresAt() {
            return expiresAt;
        }

        public void setExpiresAt(LocalDateTime expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    /** Empty removes the per-user quota, so the user's roles decide again. */
    static class QuotaForm {
        @PositiveOrZero
        private Integer instanceQuota;

        QuotaForm() {
        }

        QuotaForm(Integer instanceQuota) {
            this.instanceQuota = instanceQuota;
        }

        public Integer getInstanceQuota() {
            return instanceQuota;
        }

        public void setInstanceQuota(Integer instanceQuota) {
            this.instanceQuota = instanceQuota;
        }
    }
}
