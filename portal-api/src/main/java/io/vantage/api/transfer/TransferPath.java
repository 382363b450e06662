package io.vantage.api.transfer;

import java.util.ArrayList;
import java.util.List;

import io.vantage.api.error.FieldException;

/**
 * A path below the instance user's home as people give it ({@code data/EXP-1/run.nxs}), checked before anything
 * reaches an instance: plain names only, so {@code ..}, absolute paths and empty or odd names are refused by name
 * here; links are the provider's matter (it follows none a user could plant).
 */
record TransferPath(List<String> names) {

    private static final int MAX_LENGTH = 1024;

    static TransferPath parse(String text) {
        if (text == null || text.isBlank() || text.equals("/") || text.equals(".")) {
            return new TransferPath(List.of());
        }
        if (text.length() > MAX_LENGTH) {
            throw new FieldException("path", "a path has at most " + MAX_LENGTH + " characters");
        }
        if (text.startsWith("/") || text.startsWith("~")) {
            throw new FieldException("path", "give the path relative to the home folder, e.g. data/EXP-1/file.h5");
        }
        List<String> names = new ArrayList<>();
        for (String name : text.split("/", -1)) {
            if (name.equals("..") || name.equals(".")) {
                throw new FieldException("path", "'" + name + "' is not allowed in a path");
            }
            boolean odd = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
            if (name.isEmpty() || name.length() > 255 || odd) {
                throw new FieldException("path", "a path is names separated by single '/', without control characters "
                        + "or '\\'");
            }
            names.add(name);
        }
        return new TransferPath(List.copyOf(names));
    }

    boolean isHome() {
        return names.isEmpty();
    }

    String name() {
        return names.isEmpty() ? "" : names.get(names.size() - 1);
    }

    TransferPath child(String name) {
        List<String> child = new ArrayList<>(names);
        child.add(name);
        return new TransferPath(List.copyOf(child));
    }

    @Override
    public String toString() {
        return String.join("/", names);
    }
}
