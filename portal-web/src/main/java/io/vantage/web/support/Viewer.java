package io.vantage.web.support;

import java.util.Set;

/** The signed-in person as pages show them. */
public record Viewer(String id, String name, Set<String> roles, boolean admin) {
}
