package io.cutroom.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A journaled job's arguments as compact JSON, written when it starts and read when it is resumed. */
public final class JobArgs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobArgs() {
    }

    public static String write(Object args) {
        try {
            return MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The job's arguments could not be written: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode read(String args) {
        try {
            return MAPPER.readTree(args);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The journal's record of this job is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
