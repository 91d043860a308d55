package org.rnnlab.datasets;

import java.util.List;
import java.util.Locale;
import org.rnnlab.api.ConfigException;

/**
 * The columns of a CSV file: names from its header row, or numbers 1..n without one. A column setting
 * ({@code dataset.text}, {@code dataset.label}) names a column by header name or by 1-based number.
 *
 * @param file   the file, for messages
 * @param names  the header names, or "1".."n" without a header
 * @param header whether the names came from a header row
 */
record CsvColumns(String file, List<String> names, boolean header) {

    int count() {
        return names.size();
    }

    /** The 0-based index of the column a setting names; a miss lists the columns that exist. */
    int resolve(String setting, String wanted) {
        int byName = names.indexOf(wanted);
        if (header && byName >= 0) {
            return byName;
        }
        if (header) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted.strip().toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        try {
            int number = Integer.parseInt(wanted.strip());
            if (number >= 1 && number <= names.size()) {
                return number - 1;
            }
        } catch (NumberFormatException notANumber) {
            // fall through to the message below
        }
        throw new ConfigException(file + " has no column '" + wanted + "' (" + setting + "); "
                + (header ? "its columns are: " + String.join(", ", names.stream().map(n -> "'" + n + "'").toList())
                        + " (or numbers 1.." + names.size() + ")"
                        : "without a header row (dataset.header=false) columns are numbered 1.." + names.size()));
    }

    /** How messages name a column: {@code 'label' (column 2)} or {@code column 2}. */
    String describe(int index) {
        return header ? "'" + names.get(index) + "' (column " + (index + 1) + ")" : "column " + (index + 1);
    }
}
