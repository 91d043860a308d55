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
        if (cause instanceof org.rnnlab.api.RnnlabException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return cause.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
