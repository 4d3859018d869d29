package io.cutroom;

import io.cutroom.cli.CutroomCli;

/**
 * The one entry point of {@code cutroom.jar}: no arguments open the studio window, anything else is a
 * command. JavaFX is reached only through the {@code studio} command, so the CLI runs without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"studio"} : args;
        System.exit(CutroomCli.run(effective));
    }
}
