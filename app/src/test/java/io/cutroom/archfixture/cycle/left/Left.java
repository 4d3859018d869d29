package io.cutroom.archfixture.cycle.left;

import io.cutroom.archfixture.cycle.right.Right;

/** Half of a deliberate package cycle, for ArchitectureRulesTest. */
public final class Left {
    public Right partner() {
        return new Right();
    }
}
