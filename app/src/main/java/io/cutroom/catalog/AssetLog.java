package io.cutroom.catalog;

import java.util.Locale;

/**
 * What an editor logged about an asset: a rating of 0 to 5 stars, a pick or reject flag, a colour label and a
 * free-text description. An asset never logged reads as {@link #NONE}.
 */
public record AssetLog(int rating, Flag flag, Label label, String description) {
    public static final AssetLog NONE = new AssetLog(0, Flag.NONE, null, null);

    public AssetLog {
        if (rating < 0 || rating > 5) {
            throw new IllegalArgumentException("A rating is 0 to 5 stars, not " + rating + ".");
        }
        flag = flag == null ? Flag.NONE : flag;
        description = description == null || description.isBlank() ? null : description;
    }

    public AssetLog withRating(int stars) {
        return new AssetLog(stars, flag, label, description);
    }

    public AssetLog withFlag(Flag f) {
        return new AssetLog(rating, f, label, description);
    }

    public AssetLog withLabel(Label l) {
        return new AssetLog(rating, flag, l, description);
    }

    public AssetLog withDescription(String text) {
        return new AssetLog(rating, flag, label, text);
    }

    /** Pick or reject, as Lightroom's and Resolve's flags. */
    public enum Flag {
        NONE, PICK, REJECT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Flag parse(String text) {
            for (Flag f : values()) {
                if (f.id().equalsIgnoreCase(text.strip())) return f;
            }
            throw new IllegalArgumentException("A flag is pick, reject or none, not '" + text + "'.");
        }
    }

    /** The colour labels editors know from Lightroom and Bridge (keys 6 to 9 set the first four). */
    public enum Label {
        RED, YELLOW, GREEN, BLUE, PURPLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The label, or null for {@code none}. */
        public static Label parse(String text) {
            if (text.strip().equalsIgnoreCase("none")) return null;
            for (Label l : values()) {
                if (l.id().equalsIgnoreCase(text.strip())) return l;
            }
            throw new IllegalArgumentException("A colour label is red, yellow, green, blue, purple or none, not '" + text + "'.");
        }
    }
}
