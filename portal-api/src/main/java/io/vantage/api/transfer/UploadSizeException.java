package io.vantage.api.transfer;

import org.springframework.http.HttpStatus;

/** An upload refused for its size before any of it was read (413), or without a size (411). */
class UploadSizeException extends RuntimeException {

    private final HttpStatus status;
    private final long limit;

    UploadSizeException(HttpStatus status, String message, long limit) {
        super(message);
        this.status = status;
        this.limit = limit;
    }

    HttpStatus status() {
        return status;
    }

    long limit() {
        return limit;
    }

    /** Binary units as people read them: 1 GiB, 60 MiB, 512 KiB. */
    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
