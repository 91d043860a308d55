package org.rnnlab.api;

/** The base of rnnlab's own errors: the message says what went wrong and where, for a user to read. */
public class RnnlabException extends RuntimeException {
    public RnnlabException(String message) {
        super(message);
    }

    public RnnlabException(String message, Throwable cause) {
        super(message, cause);
    }
}
