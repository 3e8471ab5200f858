package dev.rowan.auth.internal.validators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 20,000 most common passwords, as Django's list has: the top of the ranked list (30,000
 * passwords from leaked password sets, most common first) that zxcvbn ships, read once on first use.
 */
public final class CommonPasswords {
    static final int SIZE = 20_000;
    private static final String RESOURCE = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private CommonPasswords() {
    }

    public static boolean contains(String password) {
        return Holder.SET.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.SET.size();
    }

    private static final class Holder {
        static final Set<String> SET = load();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The common-password list (" + RESOURCE + ", from com.nulab-inc:zxcvbn) is not on the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            var set = new HashSet<String>(SIZE * 2);
            for (String line; set.size() < SIZE && (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    set.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
