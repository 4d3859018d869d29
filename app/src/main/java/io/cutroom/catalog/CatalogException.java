package io.cutroom.catalog;

/** A catalog failure, worded for the person using the studio. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }

    public CatalogException(String message) {
        super(message);
    }
}
