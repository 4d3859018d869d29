package io.cutroom.playlists;

/** One item of a built playlist: its index, its recommender score and why it is there. */
public record PlaylistEntry(int item, double score, String explanation) {
}
