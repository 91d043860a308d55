package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON for a safetensors header: objects (keys kept in order, a repeated key refused), arrays,
 * strings, integers, decimals and literals. Nesting is bounded ({@link #MAX_DEPTH}), so a header of a
 * million {@code [} is refused instead of overflowing the stack; numbers are bounded in length. A problem
 * throws {@link IllegalArgumentException} with one line saying what and at which character.
 */
final class SafetensorsJson {
    /** A safetensors header nests three deep; the margin is for other tools' metadata. */
    static final int MAX_DEPTH = 32;
    private static final int MAX_NUMBER = 40;

    private final String s;
    private int i;

    private SafetensorsJson(String s) {
        this.s = s;
    }

    /** The value of {@code text}: {@code Map<String, Object>}, {@code List<Object>}, String, Long, Double, Boolean or null. */
    static Object parse(String text) {
        SafetensorsJson p = new SafetensorsJson(text);
        Object v = p.value(1);
        p.skipSpace();
        if (p.i != text.length()) {
            throw p.problem("unexpected text after the end");
        }
        return v;
    }

    private Object value(int depth) {
        skipSpace();
        char c = peek();
        if ((c == '{' || c == '[') && depth > MAX_DEPTH) {
            throw problem("nests deeper than " + MAX_DEPTH + " levels");
        }
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skipSpace();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            skipSpace();
            int at = i;
            String key = string();
            skipSpace();
            expect(':');
            Object v = value(depth + 1);
            if (m.containsKey(key)) {
                i = at;
                throw problem("the key " + Safetensors.quote(key) + " appears twice in one object");
            }
            m.put(key, v);
            skipSpace();
            if (peek() == ',') {
                i++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        skipSpace();
        if (peek() == ']') {
            i++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                i++;
            } else {
                expect(']');
                return l;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next("a string that is never closed");
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                i--;
                throw problem("a control character inside a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next("a string that is never closed");
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> b.append(hex4());
                default -> {
                    i--;
                    throw problem("an unknown escape \\" + printable(e));
                }
            }
        }
    }

    private char hex4() {
        if (i + 4 > s.length()) {
            throw problem("a \\u escape cut short");
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0) {
                throw problem("a \\u escape with a character that is not hexadecimal");
            }
            v = v * 16 + d;
        }
        i += 4;
        return (char) v;
    }

    private Number number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String t = s.substring(start, i);
        if (t.isEmpty()) {
            throw problem("an unexpected character '" + printable(s.charAt(start)) + "'");
        }
        if (t.length() > MAX_NUMBER) {
            i = start;
            throw problem("a number of more than " + MAX_NUMBER + " characters");
        }
        try {
            if (t.matches("-?(0|[1-9][0-9]*)")) {
                return Long.parseLong(t);
            }
            if (t.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                return Double.parseDouble(t);
            }
        } catch (NumberFormatException tooLarge) {
            i = start;
            throw problem("the integer " + t + " is out of range");
        }
        i = start;
        throw problem("'" + t + "' is not a number");
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, i)) {
            throw problem("unexpected text");
        }
        i += word.length();
        return value;
    }

    private char next(String whatEnds) {
        if (i >= s.length()) {
            throw problem("the header ends inside " + whatEnds);
        }
        return s.charAt(i++);
    }

    private char peek() {
        if (i >= s.length()) {
            throw problem("the header ends early");
        }
        return s.charAt(i);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw problem("expected '" + c + "' but found '" + printable(s.charAt(i)) + "'");
        }
        i++;
    }

    /** JSON's own whitespace only: anything else between tokens is an error. */
    private void skipSpace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(what + " at character " + i);
    }
}
