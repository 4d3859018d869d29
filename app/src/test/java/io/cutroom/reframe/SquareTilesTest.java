package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.vision.Detection;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SquareTilesTest {
    private static final BufferedImage WIDE = new BufferedImage(480, 270, BufferedImage.TYPE_INT_RGB);

    @Test
    void threeSquaresSpanAWidePictureFromEdgeToEdgeAndOverlapByMoreThanAThirdOfATile() {
        SquareTiles tiles = new SquareTiles(List.of(WIDE), CloserLook.TILES);
        List<SquareTiles.Tile> cut = tiles.tiles();
        assertThat(cut).extracting(SquareTiles.Tile::x).containsExactly(0, 105, 210);
        assertThat(cut).allSatisfy(t -> assertThat(t.side()).isEqualTo(270));
        assertThat(cut.get(0).x() + 270 - cut.get(1).x()).isGreaterThan(270 / 3);
        assertThat(new SquareTiles(List.of(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB)), 3).tiles()).hasSize(1);
    }

    @Test
    void aBoxOnTheMiddleTileIsPlacedOnThePictureAndOneCutByAnInnerEdgeIsKnownAsCut() {
        SquareTiles tiles = new SquareTiles(List.of(WIDE), CloserLook.TILES);
        SquareTiles.Tile middle = tiles.tiles().get(1);
        Detection onTile = new Detection("cat", 0.6f, 0.25f, 0.5f, 0.5f, 0.25f);
        Detection onPicture = tiles.onPicture(middle, onTile);
        assertThat((double) onPicture.x()).isCloseTo((105 + 0.25 * 270) / 480.0, within(1e-6));
        assertThat((double) onPicture.width()).isCloseTo(0.5 * 270 / 480.0, within(1e-6));
        assertThat((double) onPicture.y()).isCloseTo(0.5, within(1e-6));
        assertThat(middle.cutsInto(onTile, WIDE, CloserLook.CUT_EDGE)).isFalse();
        assertThat(middle.cutsInto(new Detection("cat", 0.6f, 0.6f, 0.5f, 0.4f, 0.2f), WIDE, CloserLook.CUT_EDGE)).isTrue();
        // The first tile's left edge is the picture's own: a box touching it is whole as far as anyone can see.
        SquareTiles.Tile first = tiles.tiles().get(0);
        assertThat(first.cutsInto(new Detection("cat", 0.6f, 0f, 0.5f, 0.3f, 0.2f), WIDE, CloserLook.CUT_EDGE)).isFalse();
        assertThat(first.cutsInto(new Detection("cat", 0.6f, 0.8f, 0.5f, 0.2f, 0.2f), WIDE, CloserLook.CUT_EDGE)).isTrue();
    }
}
