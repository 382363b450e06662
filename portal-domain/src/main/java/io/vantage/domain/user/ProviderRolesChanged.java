package io.vantage.domain.user;

/**
 * A login or an API token brought other roles from the identity provider than the ones recorded for this person:
 * whatever holds access decisions about them should look again. Published inside the transaction that recorded
 * the new roles.
 */
public record ProviderRolesChanged(String userId) {
}
