package io.cutroom.color;

/**
 * What auto exposure concluded: a change in EV and a contrast factor (around middle grey, as the grade
 * applies it), with the luma facts they came from (linear light: log-average, and the 1st and 99.5th
 * percentiles).
 */
public record Exposure(double ev, double contrast, double logAverage, double low, double high)
        implements java.io.Serializable {
    public static final Exposure NONE = new Exposure(0, 1, 0.18, 0, 1);
}
