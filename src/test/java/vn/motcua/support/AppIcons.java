package vn.motcua.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Draws the citizen app's icons (Java2D, no ImageMagick): a sheet of paper with lines and a green tick on the brand
 * red, everything inside the central 80 % so that the same picture serves as a maskable icon. The PNGs are committed
 * under {@code static/icons/}; run again after a change of design:
 * {@code java -Djava.awt.headless=true src/test/java/vn/motcua/support/AppIcons.java src/main/resources/static/icons}.
 */
public final class AppIcons {

    static final Color BRAND = new Color(0xa3, 0x1d, 0x24);
    static final Color OK = new Color(0x00, 0x70, 0x3c);

    private AppIcons() {
    }

    public static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        g.setColor(BRAND);
        g.fillRect(0, 0, size, size);
        // The paper: 40 % wide, 52 % high, centred a little above the middle.
        double w = s * 0.40;
        double h = s * 0.52;
        double x = (s - w) / 2 - s * 0.04;
        double y = s * 0.20;
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, s * 0.05, s * 0.05));
        g.setColor(BRAND);
        g.setStroke(new BasicStroke((float) (s * 0.028), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 4; i++) {
            double ly = y + h * (0.22 + i * 0.17);
            double len = i == 3 ? w * 0.35 : w * 0.62;
            g.draw(new java.awt.geom.Line2D.Double(x + w * 0.19, ly, x + w * 0.19 + len, ly));
        }
        // The tick in a green disc over the paper's lower right corner.
        double r = s * 0.15;
        double cx = x + w;
        double cy = y + h - s * 0.02;
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(cx - r - s * 0.02, cy - r - s * 0.02, 2 * (r + s * 0.02), 2 * (r + s * 0.02)));
        g.setColor(OK);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (s * 0.035), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D tick = new Path2D.Double();
        tick.moveTo(cx - r * 0.5, cy + r * 0.02);
        tick.lineTo(cx - r * 0.12, cy + r * 0.4);
        tick.lineTo(cx + r * 0.52, cy - r * 0.36);
        g.draw(tick);
        g.dispose();
        return img;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/static/icons");
        Files.createDirectories(dir);
        for (int size : new int[]{192, 512, 180}) {
            String name = size == 180 ? "apple-touch-icon.png" : "icon-" + size + ".png";
            ImageIO.write(draw(size), "png", dir.resolve(name).toFile());
        }
    }
}
