package io.cutroom.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * The one translator from a failure to the sentence a user reads, for the studio, the command line, the
 * worker and the catalog's error column alike. Cutroom's own exceptions carry sentences and pass through.
 * A library's words never reach the user: where a message holds them (a Java class name, {@code null},
 * {@code ==}, an exception's name, FFmpeg's hints), only the sentence before them is kept, or, when there is
 * none, a plain sentence for the kind of failure. The log keeps the full exception.
 */
public final class ErrorSentence {
    /** What marks a library's or the JVM's own words rather than a sentence for a person. */
    private static final Pattern LIBRARY_WORDS = Pattern.compile(
            "Exception|Error\\b|\\bis null\\b|^null$|\\(null\\)|==|FFmpegLogCallback|Cannot invoke|\\bthis\\.|"
                    + "\\b[a-z]+(\\.[a-z_]+)+\\.[A-Z]\\w*|\\[[A-Za-z]+@[0-9a-f]+");
    public static final String UNEXPECTED = "Something went wrong that Cutroom did not expect; the log has the details.";

    private ErrorSentence() {
    }

    public static String of(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof OutOfMemoryError) {
            return "It needed more memory than Cutroom may use.";
        }
        if (e instanceof FileSystemException) {
            return plain(e); // its message is only the path
        }
        String message = e.getMessage();
        if (message != null && !message.isBlank()) {
            String readable = readable(message.strip());
            if (readable != null) {
                return readable;
            }
        }
        return plain(e);
    }

    /** Whether {@code text} holds a library's words (so a test can assert no user ever sees them). */
    public static boolean holdsLibraryWords(String text) {
        return LIBRARY_WORDS.matcher(text).find();
    }

    /** The message itself when it is a sentence; else the sentence before a library's words; else null. */
    static String readable(String message) {
        if (!holdsLibraryWords(message)) {
            return message;
        }
        int cut = message.indexOf(": ");
        while (cut > 0) {
            String head = message.substring(0, cut).strip();
            if (!head.isEmpty() && !holdsLibraryWords(head) && Character.isLetter(head.charAt(0))) {
                return head + ".";
            }
            cut = message.lastIndexOf(": ", cut - 1);
        }
        return null;
    }

    private static String plain(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "The file is not there any more.";
        }
        if (e instanceof AccessDeniedException) {
            return "Cutroom is not allowed to read or write that file.";
        }
        if (e instanceof IOException) {
            return "A file could not be read or written.";
        }
        return UNEXPECTED;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException || e instanceof UncheckedIOException
                || e instanceof InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
