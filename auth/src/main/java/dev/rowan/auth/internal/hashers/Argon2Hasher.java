package dev.rowan.auth.internal.hashers;

import dev.rowan.auth.spi.PasswordHasher;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id as Django stores it: {@code argon2$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>},
 * salt and hash in unpadded base64 (the PHC string format after the {@code argon2} prefix).
 * Django's parameters by default: 100 MiB, 2 passes, 8 lanes, a 16-byte hash.
 */
public final class Argon2Hasher implements PasswordHasher {
    private static final Pattern PARAMS = Pattern.compile("m=([0-9]{1,9}),t=([0-9]{1,9}),p=([0-9]{1,4})");
    /** Stored forms are input: refuse work factors that would let one login take the machine. */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_PASSES = 64;

    private final int memoryKib;
    private final int passes;
    private final int lanes;

    private Argon2Hasher(int memoryKib, int passes, int lanes) {
        this.memoryKib = memoryKib;
        this.passes = passes;
        this.lanes = lanes;
    }

    public static Argon2Hasher of(int memoryKib, int passes, int lanes) {
        if (lanes < 1 || passes < 1 || memoryKib < 8 * lanes || memoryKib > MAX_MEMORY_KIB || passes > MAX_PASSES) {
            throw new IllegalArgumentException("Argon2 needs 1+ lanes, 1 to " + MAX_PASSES + " passes and 8 KiB per lane up to 1 GiB of memory");
        }
        return new Argon2Hasher(memoryKib, passes, lanes);
    }

    @Override
    public String algorithm() {
        return "argon2";
    }

    @Override
    public String salt() {
        return Encoded.salt();
    }

    @Override
    public String encode(String password, String salt) {
        byte[] saltBytes = Encoded.utf8(salt);
        byte[] hash = hash(password, saltBytes, memoryKib, passes, lanes, 16);
        return "argon2$argon2id$v=19$m=" + memoryKib + ",t=" + passes + ",p=" + lanes + "$" + b64(saltBytes) + "$" + b64(hash);
    }

    @Override
    public boolean verify(String password, String encoded) {
        return parse(encoded).map(s -> Encoded.sameBytes(hash(password, s.salt, s.memoryKib, s.passes, s.lanes, s.hash.length), s.hash))
                .orElse(false);
    }

    @Override
    public boolean mustUpdate(String encoded) {
        return parse(encoded).map(s -> s.memoryKib != memoryKib || s.passes != passes || s.lanes != lanes).orElse(true);
    }

    private record Stored(int memoryKib, int passes, int lanes, byte[] salt, byte[] hash) {
    }

    private static Optional<Stored> parse(String encoded) {
        Optional<String[]> parts = Encoded.split(encoded, "argon2", 6);
        if (parts.isEmpty() || !parts.get()[1].equals("argon2id") || !parts.get()[2].equals("v=19")) {
            return Optional.empty();
        }
        Matcher m = PARAMS.matcher(parts.get()[3]);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int memory = Integer.parseInt(m.group(1));
            int passes = Integer.parseInt(m.group(2));
            int lanes = Integer.parseInt(m.group(3));
            byte[] salt = Base64.getDecoder().decode(parts.get()[4]);
            byte[] hash = Base64.getDecoder().decode(parts.get()[5]);
            boolean sane = lanes >= 1 && passes >= 1 && passes <= MAX_PASSES && memory >= 8 * lanes && memory <= MAX_MEMORY_KIB
                    && salt.length >= 8 && hash.length >= 4 && hash.length <= 64;
            return sane ? Optional.of(new Stored(memory, passes, lanes, salt, hash)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] hash(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        var params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(passes).withParallelism(lanes).withSalt(salt).build();
        var generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(Encoded.utf8(password), out);
        return out;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
