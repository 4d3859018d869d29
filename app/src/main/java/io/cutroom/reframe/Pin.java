package io.cutroom.reframe;

/** The editor's correction: at time t the window is centred here (fractions of the frame). */
public record Pin(double t, double cx, double cy) {
}
