package io.cutroom.reframe;

import io.cutroom.media.render.Fill;
import java.util.Locale;

/**
 * How far the editor lets a shot's window grow beyond the output shape at full height when its subjects
 * cannot all be held otherwise ({@code limit} 1 never; the frame's whole width at most), and what fills the
 * output where the wider window reaches past the picture.
 */
public record Widening(double limit, Fill fill) {
    public static final Widening NONE = new Widening(1, Fill.NONE);

    public Widening {
        if (!(limit >= 1)) throw new IllegalArgumentException("The window can be widened by 1 (not at all) or more, not " + limit + ".");
        if (limit > 1 && fill == Fill.NONE) fill = Fill.BLUR;
        if (limit == 1) fill = Fill.NONE;
    }

    /** {@code off}, {@code full} (the frame's width) or a factor such as {@code 1.5}, with {@code pad} or {@code blur}. */
    public static Widening parse(String limit, String fill) {
        String text = limit.trim().toLowerCase(Locale.ROOT);
        double factor;
        if (text.equals("off") || text.equals("none")) {
            factor = 1;
        } else if (text.equals("full")) {
            factor = Double.POSITIVE_INFINITY;
        } else {
            try {
                factor = Double.parseDouble(text.endsWith("x") ? text.substring(0, text.length() - 1) : text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Widening is off, full or a factor such as 1.5, not '" + limit + "'.");
            }
        }
        return new Widening(factor, fill == null ? Fill.BLUR : Fill.parse(fill));
    }

    public boolean allowed() {
        return limit > 1;
    }

    /** As written back by {@link #parse}: off, full or the factor. */
    public String limitId() {
        return limit == 1 ? "off" : Double.isInfinite(limit) ? "full" : String.format(Locale.ROOT, "%.2f", limit);
    }
}
