package dev.rowan.db.internal;

import dev.rowan.db.Field;
import dev.rowan.db.ModelMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic names for generated constraints and indexes, shortened with a hash when too long. */
public final class SchemaNames {
    private static final int MAX = 63;

    private SchemaNames() {
    }

    /** {@code <table>_<column>_uniq}. */
    public static String unique(ModelMeta<?> meta, Field f) {
        return name(meta.table() + "_" + f.column() + "_uniq");
    }

    /** {@code <table>_<column>_fk}. */
    public static String foreignKey(ModelMeta<?> meta, Field f) {
        return name(meta.table() + "_" + f.column() + "_fk");
    }

    /** {@code <table>_<column>_idx}. */
    public static String index(ModelMeta<?> meta, Field f) {
        return name(meta.table() + "_" + f.column() + "_idx");
    }

    /** A name cut to 63 characters with an 8-character hash of the full name. */
    public static String name(String full) {
        if (full.length() <= MAX) {
            return full;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
            return full.substring(0, MAX - 9) + "_" + HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
