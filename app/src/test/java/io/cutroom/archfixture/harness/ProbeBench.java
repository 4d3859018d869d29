package io.cutroom.archfixture.harness;

/** A benchmark where the product's classes are: what the harness rule must refuse. */
public final class ProbeBench {
    private ProbeBench() {
    }
}
