package org.rnnlab.runtime;

import java.lang.reflect.InvocationTargetException;
import java.util.ServiceConfigurationError;

/** Turns a throwable into the one line a user reads: the innermost meaningful cause, its type and message. */
final class ErrorText {
    private ErrorText() {}

    static String of(Throwable t) {
        Throwable cause = t;
        // wrappers that only say "something below failed": show what failed
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof ServiceConfigurationError || cause instanceof InvocationTargetException
                    || cause instanceof ExceptionInInitializerError
                    || cause instanceof java.util.concurrent.ExecutionException
                    || cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        // rnnlab's own messages, and its plain I/O errors ("cannot write FILE: CAUSE"), say it all without a class name
        if ((cause instanceof org.rnnlab.api.RnnlabException || cause.getClass() == java.io.IOException.class
                || cause.getClass() == java.io.UncheckedIOException.class) && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return oneLine(cause.getClass().getName() + (message == null ? "" : ": " + message));
    }

    /**
     * {@link #of} for what a plugin threw: a linkage error (a method, field or class of the plugin API that
     * is missing or changed) means the plugin was compiled against another version of the API.
     */
    static String ofPlugin(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof LinkageError)) {
            cause = cause.getCause();
        }
        if (cause instanceof IncompatibleClassChangeError
                || cause instanceof NoClassDefFoundError && String.valueOf(cause.getMessage()).startsWith("org/rnnlab/")) {
            return "built against an older plugin API (" + of(cause) + ")";
        }
        return of(t);
    }

    /** Line breaks (and the spaces around them) become one space: a message is one line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
