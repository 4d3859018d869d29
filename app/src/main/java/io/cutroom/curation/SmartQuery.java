package io.cutroom.curation;

import io.cutroom.catalog.AssetFilter;
import io.cutroom.catalog.AssetLog;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved search, as a smart collection keeps it. Terms are combined with {@code and} (or side by side),
 * {@code or} and {@code not} (or a leading {@code -}), with parentheses:
 * <pre>
 *   tag:dog  tag:dog&gt;=0.8  kind:video  length&gt;10  length&lt;=60  codec:h264  rating&gt;=3  flag:pick
 *   label:red  collection:"Day 1"  date&gt;=2026-01-01  harbour  "golden hour"
 * </pre>
 * A bare word matches names, codecs and tags, as the library's search box does. {@code tag:NAME} alone asks for
 * the tag at its threshold; with a confidence, at that confidence. {@code date} is the day the asset was
 * imported (UTC). A query that cannot be read is refused with a sentence that says where.
 */
public final class SmartQuery {
    private static final Pattern FIELD = Pattern.compile("(?i)(tag|kind|length|codec|rating|flag|label|collection|date)(:|>=|<=|>|<|=)(.*)");
    private static final Pattern TAG_CONFIDENCE = Pattern.compile("(.+?)(>=|>)([0-9]*\\.?[0-9]+)");

    private final String text;
    private final Node root;

    /** A term's test: the facts, and each tag's threshold for {@code tag:NAME} without a confidence. */
    private interface Node {
        boolean test(AssetFacts facts, ToDoubleFunction<String> thresholds);
    }

    private SmartQuery(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    public static SmartQuery parse(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A smart collection needs a search, such as tag:dog rating>=3.");
        }
        Parser parser = new Parser(tokens(clean));
        Node root = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw new IllegalArgumentException("The search has an unmatched ')' or a stray '" + parser.tokens.get(parser.position) + "'.");
        }
        return new SmartQuery(clean, root);
    }

    public String text() {
        return text;
    }

    /** Whether the asset matches; {@code thresholds} gives each tag's threshold for {@code tag:NAME} alone. */
    public boolean matches(AssetFacts facts, ToDoubleFunction<String> thresholds) {
        return root.test(facts, thresholds);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Words, quoted phrases (quotes may also close a field's value) and parentheses. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                current.append(ch);
            } else if (!quoted && (Character.isWhitespace(ch) || ch == '(' || ch == ')')) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                if (ch != ' ' && !Character.isWhitespace(ch)) out.add(String.valueOf(ch));
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("The search has a quote that is not closed.");
        }
        if (current.length() > 0) out.add(current.toString());
        return out;
    }

    private static final class Parser {
        final List<String> tokens;
        int position;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Node or() {
            Node left = and();
            while (peekIs("or")) {
                position++;
                Node a = left;
                Node b = and();
                left = (f, t) -> a.test(f, t) || b.test(f, t);
            }
            return left;
        }

        Node and() {
            Node left = not();
            while (position < tokens.size() && !peekIs("or") && !tokens.get(position).equals(")")) {
                if (peekIs("and")) position++;
                Node a = left;
                Node b = not();
                left = (f, t) -> a.test(f, t) && b.test(f, t);
            }
            return left;
        }

        Node not() {
            if (peekIs("not")) {
                position++;
                Node inner = not();
                return (f, t) -> !inner.test(f, t);
            }
            if (position < tokens.size() && tokens.get(position).startsWith("-") && tokens.get(position).length() > 1) {
                String term = tokens.get(position++).substring(1);
                Node inner = term(term);
                return (f, t) -> !inner.test(f, t);
            }
            return atom();
        }

        Node atom() {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("The search ends where a term was expected.");
            }
            String token = tokens.get(position++);
            if (token.equals("(")) {
                Node inner = or();
                if (position >= tokens.size() || !tokens.get(position).equals(")")) {
                    throw new IllegalArgumentException("The search has a '(' that is not closed.");
                }
                position++;
                return inner;
            }
            if (token.equals(")") || token.equalsIgnoreCase("and") || token.equalsIgnoreCase("or")) {
                throw new IllegalArgumentException("The search has '" + token + "' where a term was expected.");
            }
            return term(token);
        }

        boolean peekIs(String word) {
            return position < tokens.size() && tokens.get(position).equalsIgnoreCase(word);
        }
    }

    private static Node term(String token) {
        Matcher m = FIELD.matcher(token);
        if (!m.matches()) {
            String words = unquote(token);
            AssetFilter filter = new AssetFilter(words, null, AssetFilter.DurationRange.ANY, null);
            return (f, t) -> filter.test(f.asset(), f.tags().keySet());
        }
        String field = m.group(1).toLowerCase(Locale.ROOT);
        String op = m.group(2);
        String value = unquote(m.group(3));
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + token + "' has no value after " + field + op + ".");
        }
        return switch (field) {
            case "tag" -> tag(op, value);
            case "kind" -> equalsOnly(field, op, kind(value));
            case "length" -> compare(field, op, number(field, value), f -> length(f.asset().info()));
            case "codec" -> equalsOnly(field, op, codec(value));
            case "rating" -> compare(field, op, number(field, value), f -> f.log().rating());
            case "flag" -> equalsOnly(field, op, flag(value));
            case "label" -> equalsOnly(field, op, label(value));
            case "collection" -> equalsOnly(field, op, f -> f.collections().stream().anyMatch(c -> c.equalsIgnoreCase(value)));
            case "date" -> compare(field, op, day(value), f -> f.asset().importedAt().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay());
            default -> throw new IllegalArgumentException("The search does not know the field " + field + ".");
        };
    }

    private static Node tag(String op, String value) {
        if (!op.equals(":") && !op.equals("=")) {
            throw new IllegalArgumentException("A tag is asked for as tag:NAME or tag:NAME>=0.8, not tag" + op + value + ".");
        }
        Matcher m = TAG_CONFIDENCE.matcher(value);
        if (m.matches()) {
            String tag = m.group(1).strip().toLowerCase(Locale.ROOT).replace('_', ' ');
            double at = Double.parseDouble(m.group(3));
            boolean inclusive = m.group(2).equals(">=");
            return (f, t) -> {
                Double c = f.tags().get(tag);
                return c != null && (inclusive ? c >= at : c > at);
            };
        }
        String tag = value.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        return (f, t) -> {
            Double c = f.tags().get(tag);
            return c != null && c >= t.applyAsDouble(tag);
        };
    }

    private static Node equalsOnly(String field, String op, Predicate<AssetFacts> test) {
        if (!op.equals(":") && !op.equals("=")) {
            throw new IllegalArgumentException("A " + field + " is asked for as " + field + ":VALUE, not with " + op + ".");
        }
        return (f, t) -> test.test(f);
    }

    private static Node compare(String field, String op, double value, ToDoubleFunction<AssetFacts> of) {
        return (f, t) -> {
            double v = of.applyAsDouble(f);
            if (Double.isNaN(v)) return false;
            return switch (op) {
                case ">" -> v > value;
                case ">=" -> v >= value;
                case "<" -> v < value;
                case "<=" -> v <= value;
                default -> v == value;
            };
        };
    }

    private static Predicate<AssetFacts> kind(String value) {
        MediaKind kind;
        try {
            kind = MediaKind.fromId(value.toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            kind = null;
        }
        if (kind == null) {
            throw new IllegalArgumentException("A kind is video, audio or image, not '" + value + "'.");
        }
        MediaKind wanted = kind;
        return f -> f.asset().kind() == wanted;
    }

    private static Predicate<AssetFacts> codec(String value) {
        return f -> {
            MediaInfo info = f.asset().info();
            return info != null && (value.equalsIgnoreCase(info.videoCodec()) || value.equalsIgnoreCase(info.audioCodec()));
        };
    }

    private static Predicate<AssetFacts> flag(String value) {
        AssetLog.Flag flag = AssetLog.Flag.parse(value);
        return f -> f.log().flag() == flag;
    }

    private static Predicate<AssetFacts> label(String value) {
        AssetLog.Label label = AssetLog.Label.parse(value);
        return f -> f.log().label() == label;
    }

    private static double length(MediaInfo info) {
        return info == null || info.durationSec() == null ? Double.NaN : info.durationSec();
    }

    private static double number(String field, String value) {
        try {
            return Double.parseDouble(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A " + field + " is a number, not '" + value + "'.");
        }
    }

    private static double day(String value) {
        try {
            return LocalDate.parse(value).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A date is written YYYY-MM-DD, not '" + value + "'.");
        }
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v.replace("\"", "");
    }
}
