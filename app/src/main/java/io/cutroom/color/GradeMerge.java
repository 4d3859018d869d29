package io.cutroom.color;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutroom.media.render.Grade;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Two editors grading the same clip on different workstations: each one's save carries only what that editor changed
 * since the grade they started from. The settings they changed are theirs; every other setting stays as the catalog
 * has it now, whoever set it. When both changed the same setting, the later save wins.
 */
final class GradeMerge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GradeMerge() {
    }

    /** {@code mine} over {@code stored}, for the settings where {@code mine} differs from {@code base}. */
    static Grade threeWay(Grade base, Grade mine, Grade stored) throws IOException {
        ObjectNode b = (ObjectNode) JSON.readTree(base.toJson());
        ObjectNode m = (ObjectNode) JSON.readTree(mine.toJson());
        ObjectNode merged = (ObjectNode) JSON.readTree(stored.toJson());
        Set<String> keys = new LinkedHashSet<>();
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) keys.add(it.next());
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) keys.add(it.next());
        for (String key : keys) {
            JsonNode was = b.get(key);
            JsonNode now = m.get(key);
            boolean changed = was == null ? now != null : !was.equals(now);
            if (!changed) continue;
            if (now == null) merged.remove(key); else merged.set(key, now);
        }
        return Grade.fromJson(JSON.writeValueAsString(merged));
    }
}
