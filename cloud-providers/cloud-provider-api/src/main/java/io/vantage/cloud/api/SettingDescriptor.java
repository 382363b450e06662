package io.vantage.cloud.api;

import java.util.Objects;

/**
 * One setting a provider type reads, as the admin console shows and validates it and the docs list it.
 *
 * @param name        the key in configuration and settings JSON, kebab-case as in {@code application.yml}
 *                    (e.g. {@code auth-url}); nested maps use their key ({@code images})
 * @param description what it means, in one sentence an operator understands
 * @param required    whether the provider cannot be built without it
 * @param secret      whether it is a password or token: masked in pages, logs and API answers
 * @param example     a typical value shown as a hint, or null
 */
public record SettingDescriptor(String name, String description, boolean required, boolean secret, String example) {

    public SettingDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    public static SettingDescriptor required(String name, String description, String example) {
        return new SettingDescriptor(name, description, true, false, example);
    }

    public static SettingDescriptor optional(String name, String description, String example) {
        return new SettingDescriptor(name, description, false, false, example);
    }

    public static SettingDescriptor secret(String name, String description, boolean required) {
        return new SettingDescriptor(name, description, required, true, null);
    }
}
