package io.cutroom.ui.clip;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.Node;

/** A preview player: JavaFX media where it plays the format, decoded frames for everything else. */
interface Player {
    Node view();

    void play();

    void pause();

    boolean isPlaying();

    /** Seconds from the start of the clip. */
    ReadOnlyDoubleProperty position();

    void seek(double seconds);

    void dispose();
}
