package io.vantage.api.tunnel.vnc;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.imageio.ImageIO;

import io.vantage.cloud.api.Endpoint;

/**
 * Takes one picture of a VNC desktop: joins as a shared client, asks for the whole screen in raw 32-bit pixels,
 * and scales it down to a PNG thumbnail.
 */
public final class VncScreenshot {

    private VncScreenshot() {
    }

    public static byte[] png(Endpoint endpoint, String password, int width, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            RfbServerHandshake.authenticate(in, out, password);
            out.writeByte(1); // ClientInit: shared, so nobody's session is disturbed
            out.flush();
            int screenWidth = in.readUnsignedShort();
            int screenHeight = in.readUnsignedShort();
            in.skipNBytes(16);
            in.skipNBytes(in.readInt());
            requestRawFrame(out, screenWidth, screenHeight);
            BufferedImage frame = readFrame(in, screenWidth, screenHeight);
            return encode(scale(frame, width));
        }
    }

    private static void requestRawFrame(DataOutputStream out, int width, int height) throws IOException {
        out.write(new byte[] {0, 0, 0, 0});                 // SetPixelFormat
        out.write(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0});
        out.write(new byte[] {2, 0, 0, 1, 0, 0, 0, 0});     // SetEncodings: Raw only
        out.write(new byte[] {3, 0, 0, 0, 0, 0});           // FramebufferUpdateRequest, full
        out.writeShort(width);
        out.writeShort(height);
        out.flush();
    }

    private static BufferedImage readFrame(DataInputStream in, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        while (true) {
            int type = in.readUnsignedByte();
            switch (type) {
                case 0 -> {
                    in.readUnsignedByte();
                    int rectangles = in.readUnsignedShort();
                    for (int r = 0; r < rectangles; r++) {
                        readRectangle(in, image);
                    }
                    return image;
                }
                case 2 -> { } // bell
                case 3 -> {
                    in.skipNBytes(3);
                    in.skipNBytes(in.readInt());
                }
                default -> throw new IOException("unexpected VNC message " + type + " while waiting for the screen");
            }
        }
    }

    private static void readRectangle(DataInputStream in, BufferedImage image) throws IOException {
        int x = in.readUnsignedShort();
        int y = in.readUnsignedShort();
        int w = in.readUnsignedShort();
        int h = in.readUnsignedShort();
        int encoding = in.readInt();
        if (encoding != 0) {
            throw new IOException("the VNC server sent encoding " + encoding + " instead of raw pixels");
        }
        byte[] row = new byte[w * 4];
        for (int line = 0; line < h; line++) {
            in.readFully(row);
            for (int column = 0; column < w; column++) {
                int i = column * 4;
                int rgb = ((row[i + 2] & 0xff) << 16) | ((row[i + 1] & 0xff) << 8) | (row[i] & 0xff);
                if (x + column < image.getWidth() && y + line < image.getHeight()) {
                    image.setRGB(x + column, y + line, rgb);
                }
            }
        }
    }

    private static BufferedImage scale(BufferedImage frame, int width) {
        int height = Math.max(1, frame.getHeight() * width / frame.getWidth());
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(frame, 0, 0, width, height, null);
        g.dispose();
        return small;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
