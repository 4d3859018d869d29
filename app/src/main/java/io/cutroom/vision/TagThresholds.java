package io.cutroom.vision;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CustomTagRepository;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The confidence at which a tag is shown and found. Object tags use the thresholds calibrated on labelled
 * pictures and shipped in {@code models/tag_thresholds.json} ({@code cutroom eval tag --calibrate}); the
 * other words, and every tag when that file is missing, use fixed defaults that follow each model's scale
 * (CenterNet's heatmap peaks are lower than a classifier's probabilities). The editor can move any.
 */
public final class TagThresholds implements Serializable {
    /** Tags below this are not stored at all: too weak to matter at any threshold an editor would pick. */
    public static final double STORE_FLOOR = 0.15;
    public static final double OBJECTS = 0.35;
    private static final Map<String, Double> DEFAULTS = Map.of(
            TagVocabulary.ANIMATION, 0.6,
            TagVocabulary.DRAWING, 0.6,
            TagVocabulary.LIVE_ACTION, 0.6,
            TagVocabulary.EXPLICIT, 0.85,
            TagVocabulary.FACE, 0.75,
            "person", 0.4);
    /** Custom tags are probabilities from a logistic head: even odds. */
    static final double CUSTOM = 0.5;
    private final Map<String, Double> overrides;
    private final Set<String> customTags;

    public TagThresholds(Map<String, Double> overrides, Collection<String> customTags) {
        this.overrides = new HashMap<>(overrides);
        this.customTags = Set.copyOf(customTags);
    }

    public static TagThresholds defaults() {
        return new TagThresholds(Map.of(), Set.of());
    }

    /** The editor's thresholds, and the custom tags (whose default differs), as the catalog holds them now. */
    public static TagThresholds of(CatalogDb db) {
        return new TagThresholds(new TagRepository(db).thresholds(),
                new CustomTagRepository(db).all().stream()
                        .map(CustomTagRepository.CustomTag::name).toList());
    }

    public double of(String tag) {
        Double set = overrides.get(tag);
        return set != null ? set : customTags.contains(tag) ? CUSTOM : defaultOf(tag);
    }

    /** Whether a stored tag is shown at the current thresholds. */
    public boolean passes(ShotTag tag) {
        return tag.confidence() >= of(tag.tag());
    }

    public static double defaultOf(String tag) {
        return ShippedThresholds.calibrated().map(c -> c.of(tag)).orElseGet(() -> fixedDefaultOf(tag));
    }

    /** Whether the tag has a hand-set default apart from the objects' common one (person, and the non-object words). */
    public static boolean hasFixedDefaultOfItsOwn(String tag) {
        return DEFAULTS.containsKey(tag);
    }

    /** The hand-set default, before any calibration: the baseline {@code eval tag} prints. */
    public static double fixedDefaultOf(String tag) {
        return DEFAULTS.getOrDefault(tag, OBJECTS);
    }

    public double faces() {
        return of(TagVocabulary.FACE);
    }
}
