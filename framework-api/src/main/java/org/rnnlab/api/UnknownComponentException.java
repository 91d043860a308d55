package org.rnnlab.api;

import java.util.List;

/** No component of a kind has the requested id; the message lists the ids that exist. */
public final class UnknownComponentException extends RnnlabException {
    private final String kind;
    private final String id;
    private final List<String> known;

    public UnknownComponentException(String kind, String id, List<String> known) {
        super("unknown " + kind + " '" + id + "'; known " + kind + "s: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        this.kind = kind;
        this.id = id;
        this.known = List.copyOf(known);
    }

    public String kind() { return kind; }

    public String id() { return id; }

    public List<String> known() { return known; }
}
