package io.cutroom.archfixture.layers.cli;

/** A face, for ArchitectureRulesTest. */
public final class Command {
    public String words() {
        return "tag";
    }
}
