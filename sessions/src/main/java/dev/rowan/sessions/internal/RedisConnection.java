package dev.rowan.sessions.internal;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A pooled Redis client from a {@code redis://[user:password@]host:port[/db]} URL ({@code rediss://} for TLS). */
record RedisConnection(RedisClient client, String where) {

    static RedisConnection open(String url, Duration timeout, String setting) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " '" + url + "' is not a URL; use redis://host:6379", e);
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(setting + " must be redis://host:port (or rediss:// for TLS), not '" + url + "'");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        var client = RedisClient.builder().hostAndPort(new HostAndPort(uri.getHost(), port)).clientConfig(config(uri, millis)).build();
        return new RedisConnection(client, uri.getHost() + ":" + port);
    }

    private static JedisClientConfig config(URI uri, int millis) {
        var b = DefaultJedisClientConfig.builder().connectionTimeoutMillis(millis).socketTimeoutMillis(millis);
        if ("rediss".equals(uri.getScheme())) {
            b.sslOptions(SslOptions.builder().build());   // the JDK's trust store and host name checks
        }
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            String user = decode(colon < 0 ? "" : info.substring(0, colon));
            String password = decode(colon < 0 ? info : info.substring(colon + 1));
            if (!user.isEmpty()) {
                b.user(user);
            }
            b.password(password);
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            b.database(Integer.parseInt(path.substring(1)));
        }
        return b.build();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
