package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetFilter;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetOrder;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.ui.TagScore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the library shows, without a toolkit: the catalog's assets and their tags, the editor's filters and
 * order, "more like this", and the selection. {@link LibraryView} draws it and hands it what the controls say.
 */
public final class LibraryModel {
    /** Null filters mean "any"; the view shows them as the first item of each menu. */
    private String text = "";
    private MediaKind kind;
    private AssetFilter.DurationRange duration = AssetFilter.DurationRange.ANY;
    private String codec;
    private String tag;
    private AssetOrder order = AssetOrder.NEWEST;
    private List<Asset> assets = List.of();
    private Map<Long, List<TagScore>> tagsByAsset = Map.of();
    private Map<Long, AssetLog> logs = Map.of();
    private Set<Long> offline = Set.of();
    /** The collection the library is narrowed to (its name, and the ids it holds), or null for every asset. */
    private String scopeName;
    private Set<Long> scope;
    /** Similarity to the asset "more like this" started from, most alike first; null when not in that mode. */
    private Map<Long, Double> similarity;
    private final LinkedHashSet<Long> selectedIds = new LinkedHashSet<>();

    /** A fresh read of the catalog, nothing logged and every file in place. */
    public void load(List<Asset> assets, Map<Long, List<TagScore>> tagsByAsset) {
        load(assets, tagsByAsset, Map.of(), Set.of());
    }

    /**
     * A fresh read of the catalog: its assets, their tags, what the editor logged, and the assets whose file is
     * missing. Filters that name a codec or tag no longer there fall back to "any".
     */
    public void load(List<Asset> assets, Map<Long, List<TagScore>> tagsByAsset, Map<Long, AssetLog> logs, Set<Long> offline) {
        this.assets = List.copyOf(assets);
        this.tagsByAsset = Map.copyOf(tagsByAsset);
        this.logs = Map.copyOf(logs);
        this.offline = Set.copyOf(offline);
        if (codec != null && !codecs().contains(codec)) {
            codec = null;
        }
        if (tag != null && !tags().contains(tag)) {
            tag = null;
        }
    }

    public void setText(String text) {
        this.text = text == null ? "" : text;
    }

    public void setKind(MediaKind kind) {
        this.kind = kind;
    }

    public void setDuration(AssetFilter.DurationRange duration) {
        this.duration = duration == null ? AssetFilter.DurationRange.ANY : duration;
    }

    public void setCodec(String codec) {
        this.codec = codec;
    }

    public String codec() {
        return codec;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public void setOrder(AssetOrder order) {
        this.order = order == null ? AssetOrder.NEWEST : order;
    }

    /** Shows only the assets of a collection ({@code ids}), or every asset again when {@code name} is null. */
    public void setScope(String name, Collection<Long> ids) {
        scopeName = name;
        scope = name == null ? null : Set.copyOf(ids);
    }

    /** The collection the library is narrowed to, or null. */
    public String scopeName() {
        return scopeName;
    }

    public AssetLog log(long assetId) {
        return logs.getOrDefault(assetId, AssetLog.NONE);
    }

    /** Whether the asset's file was missing at the last read: shown as Offline, not as failed. */
    public boolean isOffline(long assetId) {
        return offline.contains(assetId);
    }

    /** Video and audio codecs in the catalog, by name, for the codec menu. */
    public List<String> codecs() {
        TreeSet<String> codecs = new TreeSet<>();
        for (Asset a : assets) {
            MediaInfo info = a.info();
            if (info != null) {
                Stream.of(info.videoCodec(), info.audioCodec()).filter(Objects::nonNull).forEach(codecs::add);
            }
        }
        return List.copyOf(codecs);
    }

    /** Tags in the catalog, the most widespread first (then by name), for the tag menu. */
    public List<String> tags() {
        Map<String, Long> counts = new HashMap<>();
        tagsByAsset.values().forEach(list -> list.forEach(t -> counts.merge(t.tag(), 1L, Long::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** The assets that pass every filter, in the chosen order; most alike first while showing similar ones. */
    public List<Asset> shown() {
        AssetFilter filter = new AssetFilter(text, kind, duration, codec);
        Comparator<Asset> sorting = similarity != null
                ? Comparator.comparingDouble(a -> -similarity.getOrDefault(a.id(), 0.0))
                : order.comparator();
        return assets.stream()
                .filter(a -> filter.test(a, tagNames(a)))
                .filter(a -> tag == null || tagNames(a).contains(tag))
                .filter(a -> similarity == null || similarity.containsKey(a.id()))
                .filter(a -> scope == null || scope.contains(a.id()))
                .sorted(sorting).toList();
    }

    /** "12 items", or "3 of 12" while filters hide some: for the {@link #shown} list just drawn. */
    public String countText(List<Asset> shown) {
        if (scope != null) {
            return shown.size() + " of " + scope.size() + " in " + scopeName;
        }
        return shown.size() == assets.size() ? assets.size() + " items" : shown.size() + " of " + assets.size();
    }

    public boolean isEmpty() {
        return assets.isEmpty();
    }

    /** The tags drawn on an asset's card. */
    public List<TagScore> cardTags(long assetId) {
        return TagScore.forCard(tagsByAsset.getOrDefault(assetId, List.of()));
    }

    /** Only these assets, most alike first, until {@link #clearSimilar}. */
    public void showSimilar(Map<Long, Double> scores) {
        similarity = new LinkedHashMap<>(scores);
    }

    public void clearSimilar() {
        similarity = null;
    }

    /** How alike an asset is to the one "more like this" started from, 0 to 1; null when not shown that way. */
    public Double similarity(long assetId) {
        return similarity == null ? null : similarity.get(assetId);
    }

    /** A plain click selects one asset; a shortcut-click adds it to the selection or takes it out. */
    public void select(long assetId, boolean adding) {
        if (adding) {
            if (!selectedIds.remove(assetId)) {
                selectedIds.add(assetId);
            }
        } else {
            selectedIds.clear();
            selectedIds.add(assetId);
        }
    }

    public boolean isSelected(long assetId) {
        return selectedIds.contains(assetId);
    }

    /** The selected assets, in the order they were picked. */
    public List<Asset> selected() {
        List<Asset> picked = new ArrayList<>();
        for (long id : selectedIds) {
            assets.stream().filter(a -> a.id() == id).findFirst().ifPresent(picked::add);
        }
        return picked;
    }

    private List<String> tagNames(Asset asset) {
        return tagsByAsset.getOrDefault(asset.id(), List.of()).stream().map(TagScore::tag).toList();
    }
}
