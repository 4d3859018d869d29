package io.cutroom.reframe;

import io.cutroom.vision.Detection;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping square tiles across pictures wider (or taller) than square, evenly spaced from one end to the
 * other, and the way back from a box found on a tile to the same box on its picture. A network that sees a
 * square gets each part of a 16:9 frame at about twice the pixels.
 */
final class SquareTiles {
    /** Where a tile was cut: its picture, its corner and its side, in the picture's pixels. */
    record Tile(int picture, int x, int y, int side, BufferedImage image) {
        /** Whether the tile's edge at the far side of {@code d} lies inside the picture rather than on its border. */
        boolean cutsInto(Detection d, BufferedImage from, double margin) {
            boolean wide = from.getWidth() >= from.getHeight();
            double start = wide ? d.x() : d.y();
            double end = start + (wide ? d.width() : d.height());
            int offset = wide ? x : y;
            int length = wide ? from.getWidth() : from.getHeight();
            return (offset > 0 && start <= margin) || (offset + side < length && end >= 1 - margin);
        }
    }

    private final List<BufferedImage> pictures;
    private final List<Tile> tiles = new ArrayList<>();

    /** At least {@code least} tiles per picture that is not square; a square picture is its own tile. */
    SquareTiles(List<BufferedImage> pictures, int least) {
        this.pictures = pictures;
        for (int i = 0; i < pictures.size(); i++) {
            BufferedImage p = pictures.get(i);
            int side = Math.min(p.getWidth(), p.getHeight());
            int longSide = Math.max(p.getWidth(), p.getHeight());
            int needed = longSide <= side * 1.2 ? 1 : longSide <= side * 1.8 ? 2 : 3;
            int count = needed == 1 ? 1 : Math.max(least, needed);
            for (int k = 0; k < count; k++) {
                int offset = count == 1 ? 0 : (longSide - side) * k / (count - 1);
                int x = p.getWidth() >= p.getHeight() ? offset : 0;
                int y = p.getWidth() >= p.getHeight() ? 0 : offset;
                tiles.add(new Tile(i, x, y, side, p.getSubimage(x, y, side, side)));
            }
        }
    }

    List<Tile> tiles() {
        return tiles;
    }

    List<BufferedImage> images() {
        return tiles.stream().map(Tile::image).toList();
    }

    /** A box found on {@code tile}, in fractions of the tile, as fractions of its picture. */
    Detection onPicture(Tile tile, Detection d) {
        BufferedImage p = pictures.get(tile.picture());
        double pw = p.getWidth(), ph = p.getHeight();
        return new Detection(d.label(), d.score(), (float) ((tile.x() + d.x() * tile.side()) / pw),
                (float) ((tile.y() + d.y() * tile.side()) / ph), (float) (d.width() * tile.side() / pw),
                (float) (d.height() * tile.side() / ph));
    }

    /** One empty list per picture, to collect its boxes in. */
    List<List<Detection>> perPicture() {
        List<List<Detection>> out = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) out.add(new ArrayList<>());
        return out;
    }

    BufferedImage pictureOf(Tile tile) {
        return pictures.get(tile.picture());
    }
}
