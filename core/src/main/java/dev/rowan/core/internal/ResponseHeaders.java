package dev.rowan.core.internal;

import dev.rowan.core.spi.ServerExchange;
import dev.rowan.core.spi.ServerExchange.EncodedHeaders;

import java.util.Arrays;
import java.util.Optional;

/** Response headers as parallel arrays: cheap to fill on the hot path, read in order by the engine. */
final class ResponseHeaders implements ServerExchange.ResponseHead {
    private String[] names = new String[8];
    private String[] values = new String[8];
    private int size;
    /** Entries encodedFrom.. are also {@link #encoded}'s bytes, until a change inside that run. */
    private EncodedHeaders encoded = EncodedHeaders.NONE;
    private int encodedFrom;

    void set(String name, String value) {
        validate(name, value);
        int i = indexOf(name);
        if (i < 0) {
            append(name, value);
            return;
        }
        values[i] = value;
        if (i >= encodedFrom && i < encodedFrom + encoded.count()) {
            encoded = EncodedHeaders.NONE;
        }
        // Drop any later duplicates so "set" means exactly one value.
        for (int j = size - 1; j > i; j--) {
            if (names[j].equalsIgnoreCase(name)) {
                removeAt(j);
            }
        }
    }

    void add(String name, String value) {
        validate(name, value);
        append(name, value);
    }

    /** Adds only when absent: defaults (security headers) never override what the app set. */
    void setIfAbsent(String name, String value) {
        if (indexOf(name) < 0) {
            append(name, value);
        }
    }

    /**
     * Adds each default that is absent. When none of them was set (the common case) they are
     * appended as one run together with their ready-made bytes, which the engine copies in one go.
     */
    void addDefaults(String[][] pairs, EncodedHeaders bytes) {
        if (encoded == EncodedHeaders.NONE && noneOf(pairs)) {
            encodedFrom = size;
            encoded = bytes;
            for (String[] pair : pairs) {
                append(pair[0], pair[1]);
            }
            return;
        }
        for (String[] pair : pairs) {
            setIfAbsent(pair[0], pair[1]);
        }
    }

    private boolean noneOf(String[][] pairs) {
        for (String[] pair : pairs) {
            if (indexOf(pair[0]) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Forgets every header, as before the handler ran. */
    void clear() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        encoded = EncodedHeaders.NONE;
        encodedFrom = 0;
    }

    void remove(String name) {
        for (int j = size - 1; j >= 0; j--) {
            if (names[j].equalsIgnoreCase(name)) {
                removeAt(j);
            }
        }
    }

    Optional<String> get(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(values[i]);
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private void append(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size++] = value;
    }

    private void removeAt(int j) {
        if (j < encodedFrom + encoded.count()) {
            encoded = EncodedHeaders.NONE;
        }
        System.arraycopy(names, j + 1, names, j, size - j - 1);
        System.arraycopy(values, j + 1, values, j, size - j - 1);
        size--;
    }

    // A CR or LF in a header would let user data start a new header or a whole new response.
    static void validate(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Header names must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ':') {
                throw new IllegalArgumentException("Header name '" + name + "' contains a character headers do not allow");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("The value of header '" + name + "' contains CR, LF or NUL, which could split the response");
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name(int i) {
        return names[i];
    }

    @Override
    public String value(int i) {
        return values[i];
    }

    @Override
    public int encodedFrom() {
        return encoded == EncodedHeaders.NONE ? size : encodedFrom;
    }

    @Override
    public EncodedHeaders encoded() {
        return encoded;
    }
}
