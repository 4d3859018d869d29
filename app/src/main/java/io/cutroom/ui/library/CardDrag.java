package io.cutroom.ui.library;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

/** Cards dragged out of the library carry their asset ids, in a format only the studio reads. */
final class CardDrag {
    private static final DataFormat ASSET_IDS = new DataFormat("application/x-cutroom-asset-ids");

    private CardDrag() {
    }

    static void put(Dragboard board, List<Long> ids) {
        ClipboardContent content = new ClipboardContent();
        content.put(ASSET_IDS, new ArrayList<>(ids));
        board.setContent(content);
    }

    static boolean holdsCards(Dragboard board) {
        return board.hasContent(ASSET_IDS);
    }

    @SuppressWarnings("unchecked")
    static List<Long> ids(Dragboard board) {
        Object content = board.getContent(ASSET_IDS);
        return content instanceof List<?> list ? List.copyOf((List<Long>) list) : List.of();
    }
}
