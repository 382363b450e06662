package io.vantage.cloud.local;

/** A launch that could not bring its processes up; the message becomes the instance's fault. */
final class LaunchException extends Exception {

    LaunchException(String message) {
        super(message);
    }
}
