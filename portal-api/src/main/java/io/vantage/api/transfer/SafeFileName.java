package io.vantage.api.transfer;

/** A file name fit for a Content-Disposition header: no control characters, quotes or path separators. */
final class SafeFileName {

    private SafeFileName() {
    }

    static String of(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(c < 0x20 || c == 0x7f || c == '"' || c == '\\'
                || c == '/' || c == ';' ? '_' : c));
        String result = safe.toString().strip();
        return result.isEmpty() || result.chars().allMatch(c -> c == '.') ? "download" : result;
    }
}
