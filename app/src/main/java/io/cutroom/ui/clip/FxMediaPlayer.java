package io.cutroom.ui.clip;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.Node;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;

/** Plays what JavaFX media supports (H.264/AAC in MP4, MP3, WAV, AIFF) with its own pipeline. */
final class FxMediaPlayer implements Player {
    private final MediaPlayer player;
    private final MediaView view;
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper();
    /** What the user asked for; the media may still be buffering, or may have failed and be handed over. */
    private boolean playRequested;

    FxMediaPlayer(Path file, Runnable onError) {
        player = new MediaPlayer(new Media(file.toUri().toString()));
        view = new MediaView(player);
        view.setPreserveRatio(true);
        player.setOnError(onError);
        player.currentTimeProperty().addListener((o, a, t) -> position.set(t.toSeconds()));
        player.setOnEndOfMedia(() -> {
            playRequested = false;
            player.stop();
        });
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void play() {
        playRequested = true;
        player.play();
    }

    @Override
    public void pause() {
        playRequested = false;
        player.pause();
    }

    @Override
    public boolean isPlaying() {
        return playRequested;
    }

    @Override
    public ReadOnlyDoubleProperty position() {
        return position.getReadOnlyProperty();
    }

    @Override
    public void seek(double seconds) {
        player.seek(Duration.seconds(seconds));
    }

    @Override
    public void dispose() {
        player.dispose();
    }
}
