package io.cutroom.cli;

import io.cutroom.catalog.CatalogException;

/** Turns an exception into the sentence a user reads; stack traces stay in the log. */
final class UserMessages {
    private UserMessages() {
    }

    static String of(Throwable e) {
        if (e instanceof CatalogException && e.getMessage() != null) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "unexpected " + e.getClass().getSimpleName() : message;
    }
}
