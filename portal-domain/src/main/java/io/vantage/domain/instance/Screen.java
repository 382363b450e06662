package io.vantage.domain.instance;

/** Desktop size in pixels. */
public record Screen(int width, int height) {

    public static final Screen DEFAULT = new Screen(1920, 1080);

    public Screen {
        if (width < 640 || width > 7680 || height < 480 || height > 4320) {
            throw new IllegalArgumentException("Screen size must be between 640x480 and 7680x4320, was "
                    + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
