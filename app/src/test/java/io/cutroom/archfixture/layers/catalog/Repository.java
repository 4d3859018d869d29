package io.cutroom.archfixture.layers.catalog;

import io.cutroom.archfixture.layers.cli.Command;

/** A catalog class that reaches up into a face: the violation the layer rule must catch. */
public final class Repository {
    public String askTheFace() {
        return new Command().words();
    }
}
