package dev.rowan.forms.internal.csrf;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Origin arithmetic: normalizing {@code scheme://host[:port]} and matching trusted origins (with {@code *.} wildcards). */
public final class Origins {
    /** {@code https://*.example.com} as scheme {@code https://} and suffix {@code .example.com}. */
    private record Wildcard(String scheme, String suffix) {
        boolean matches(String normalized) {
            return normalized.startsWith(scheme) && normalized.endsWith(suffix)
                    && normalized.length() > scheme.length() + suffix.length();
        }
    }

    private final List<String> exact;
    private final List<Wildcard> wildcardSuffixes;

    private Origins(List<String> exact, List<Wildcard> wildcardSuffixes) {
        this.exact = exact;
        this.wildcardSuffixes = wildcardSuffixes;
    }

    /** Parses configured trusted origins; each must have a scheme. */
    public static Origins parseTrusted(List<String> configured) {
        List<String> exact = new java.util.ArrayList<>();
        List<Wildcard> wildcards = new java.util.ArrayList<>();
        for (String raw : configured) {
            String s = raw.strip().toLowerCase(Locale.ROOT);
            int sep = s.indexOf("://");
            if (sep <= 0 || s.length() == sep + 3) {
                throw new IllegalArgumentException("csrf.E020 The trusted origin '" + raw + "' needs a scheme and a host, "
                        + "like https://example.com or https://*.example.com (set in csrf.trusted-origins).");
            }
            if (s.startsWith("*.", sep + 3)) {
                wildcards.add(new Wildcard(s.substring(0, sep + 3), s.substring(sep + 4)));
            } else {
                normalize(s).ifPresent(exact::add);
            }
        }
        return new Origins(List.copyOf(exact), List.copyOf(wildcards));
    }

    /** {@code scheme://host[:port]} in lower case without the scheme's default port; empty when malformed. */
    public static Optional<String> normalize(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether a normalized origin is trusted. */
    public boolean trusts(String normalized) {
        return exact.contains(normalized) || wildcardSuffixes.stream().anyMatch(w -> w.matches(normalized));
    }
}
