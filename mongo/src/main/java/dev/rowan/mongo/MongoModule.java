package dev.rowan.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.IndexOptions;
import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.core.Config;
import dev.rowan.core.Module;
import dev.rowan.core.PathConverter;
import dev.rowan.core.Setting;
import dev.rowan.mongo.internal.Embedded;
import dev.rowan.mongo.internal.IndexSpec;
import dev.rowan.mongo.internal.MongoSettings;
import dev.rowan.mongo.internal.UriMask;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.pojo.PojoCodecProvider;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MongoDB for an app: one client, closed when the app stops; a startup check ({@code mongo.E001}) that pings the
 * server; records and classes mapped by the driver's codecs; the path type {@code objectid}; indexes declared in
 * code and created at start.
 *
 * <pre>{@code
 * app.install(MongoModule.builder()
 *         .index("notes", Indexes.descending("createdAt"))
 *         .build());
 * app.get("/notes/{id:objectid}", ctx -> { ObjectId id = ctx.pathParam("id").as(ObjectId.class); ... });
 * }</pre>
 *
 * <p>Where the data lives, first match wins: {@link Builder#uri} in code; the setting {@code mongodb.uri} (also
 * {@code ROWAN_MONGODB_URI}); the environment variable {@code MONGODB_URI}; otherwise, outside production, an
 * in-process MongoDB-compatible server (add {@code de.bwaldvogel:mongo-java-server-h2-backend}) storing its data
 * in {@code mongodb.embedded-file} (default {@code data/mongo.mv}; {@code memory} keeps nothing). In production
 * the embedded server starts only with {@code mongodb.embedded=true}. Other settings: {@code mongodb.database}
 * (default: the URI's database, else {@code rowan}) and {@code mongodb.server-selection-timeout} (default 5s: how
 * long an operation waits for a reachable server before it fails).
 */
public final class MongoModule implements Module {
    /** The path type for ObjectIds: {@code /notes/{id:objectid}}; a malformed id matches no route, so it is a 404. */
    public static final String OBJECT_ID = "objectid";
    /** The embedded server's default data file. */
    public static final String DEFAULT_EMBEDDED_FILE = "data/mongo.mv";

    private final Builder builder;

    private MongoModule(Builder builder) {
        this.builder = builder;
    }

    /** The module configured entirely from settings and the environment. */
    public static MongoModule create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void install(App app) {
        app.declare(MongoSettings.ALL.toArray(Setting[]::new));
        Config config = app.config();
        Optional<String> uri = builder.uri.or(() -> config.get("mongodb.uri")).or(MongoModule::environmentUri);
        if (uri.isEmpty()) {
            requireEmbeddedAllowed(config);
        }
        uri.ifPresent(MongoModule::validate);
        Mongo mongo = new Mongo(uri, databaseName(config, uri), embeddedFile(config),
                config.getDuration("mongodb.server-selection-timeout", builder.timeout.orElse(Duration.ofSeconds(5))),
                codecs());
        builder.indexes.forEach(i -> mongo.index(i.collection(), i.keys(), i.options()));
        app.register(Mongo.class, mongo);
        app.converter(OBJECT_ID, objectIdConverter());
        app.check(a -> healthCheck(mongo));
        app.onStart(mongo::ensureIndexes);
        app.onStop(mongo::close);
    }

    @Override
    public String name() {
        return "mongo";
    }

    /** The {@code objectid} path type: exactly 24 lower-case hex digits, so every note has one URL. */
    public static PathConverter<ObjectId> objectIdConverter() {
        return PathConverter.of(ObjectId.class, MongoModule::parseObjectId);
    }

    /** An ObjectId from its canonical text (24 lower-case hex digits); empty for anything else. */
    public static Optional<ObjectId> parseObjectId(String text) {
        if (text.length() != 24) {
            return Optional.empty();
        }
        for (int i = 0; i < 24; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return Optional.empty();
            }
        }
        return Optional.of(new ObjectId(text));
    }

    // ---------------------------------------------------------------- internals

    private static Optional<String> environmentUri() {
        String value = System.getenv("MONGODB_URI");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private void requireEmbeddedAllowed(Config config) {
        // Choosing an embedded file in code is an explicit yes, also in production.
        boolean allowed = builder.embeddedFile.isPresent() || config.getBoolean("mongodb.embedded", !config.isProduction());
        if (!allowed) {
            throw Check.Failure.of(Check.Result.error("mongo.E002", "No MongoDB URI is configured"
                    + (config.isProduction() ? ", and in production the in-process server starts only with mongodb.embedded=true." : "."),
                    "Set the environment variable MONGODB_URI (e.g. mongodb://user:password@db.example.com:27017/notes) "
                            + "or the setting mongodb.uri."));
        }
        if (!Embedded.available()) {
            throw Check.Failure.of(Check.Result.error("mongo.E003", "No MongoDB URI is configured and the in-process server is not on "
                    + "the class path.", "Either set MONGODB_URI (or mongodb.uri) to a real MongoDB, or add the dependency "
                    + Embedded.DEPENDENCY + " to run one inside the app."));
        }
    }

    private static void validate(String uri) {
        try {
            new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mongo.E004 The MongoDB URI " + UriMask.mask(uri) + " is not valid: "
                    + e.getMessage() + ". It looks like mongodb://user:password@host:27017/database.", e);
        }
    }

    private String databaseName(Config config, Optional<String> uri) {
        return builder.database.or(() -> config.get("mongodb.database"))
                .or(() -> uri.map(u -> new ConnectionString(u).getDatabase()).filter(Objects::nonNull))
                .orElse("rowan");
    }

    private Optional<Path> embeddedFile(Config config) {
        String file = builder.embeddedFile.orElseGet(() -> config.get("mongodb.embedded-file", DEFAULT_EMBEDDED_FILE));
        return file.equals("memory") ? Optional.empty() : Optional.of(Path.of(file));
    }

    private CodecRegistry codecs() {
        List<CodecRegistry> registries = new ArrayList<>();
        if (!builder.codecs.isEmpty()) {
            registries.add(CodecRegistries.fromProviders(builder.codecs));
        }
        registries.add(MongoClientSettings.getDefaultCodecRegistry());
        registries.add(CodecRegistries.fromProviders(PojoCodecProvider.builder().automatic(true).build()));
        return CodecRegistries.fromRegistries(registries);
    }

    private static List<Check.Result> healthCheck(Mongo mongo) {
        Optional<String> failure = mongo.ping();
        if (failure.isEmpty()) {
            return List.of();
        }
        return List.of(Check.Result.error("mongo.E001", "Cannot reach MongoDB at " + mongo.describe() + ": " + failure.get(),
                "Start the server, or fix MONGODB_URI / mongodb.uri. Unset both to use the in-process server in development."));
    }

    /** Settings made in code; each wins over the app's config. */
    public static final class Builder {
        private Optional<String> uri = Optional.empty();
        private Optional<String> database = Optional.empty();
        private Optional<String> embeddedFile = Optional.empty();
        private Optional<Duration> timeout = Optional.empty();
        private final List<IndexSpec> indexes = new ArrayList<>();
        private final List<CodecProvider> codecs = new ArrayList<>();

        private Builder() {
        }

        /** The connection string, e.g. {@code mongodb://localhost:27017/notes}. */
        public Builder uri(String connectionString) {
            this.uri = Optional.of(Objects.requireNonNull(connectionString, "connectionString"));
            return this;
        }

        public Builder database(String name) {
            this.database = Optional.of(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** Uses the in-process server with its data in {@code file} when no URI is configured. */
        public Builder embeddedFile(Path file) {
            this.embeddedFile = Optional.of(file.toString());
            return this;
        }

        /** Uses the in-process server, keeping data in memory only (tests), when no URI is configured. */
        public Builder embeddedInMemory() {
            this.embeddedFile = Optional.of("memory");
            return this;
        }

        /** The default for {@code mongodb.server-selection-timeout}. */
        public Builder serverSelectionTimeout(Duration timeout) {
            this.timeout = Optional.of(Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        /** An index created at start if missing, e.g. {@code index("notes", Indexes.descending("createdAt"))}. */
        public Builder index(String collection, Bson keys) {
            return index(collection, keys, new IndexOptions());
        }

        public Builder index(String collection, Bson keys, IndexOptions options) {
            indexes.add(new IndexSpec(collection, keys, options));
            return this;
        }

        /** Codecs tried before the driver's defaults and the automatic POJO/record mapping. */
        public Builder codecs(CodecProvider... providers) {
            codecs.addAll(List.of(providers));
            return this;
        }

        public MongoModule build() {
            Builder copy = new Builder();
            copy.uri = uri;
            copy.database = database;
            copy.embeddedFile = embeddedFile;
            copy.timeout = timeout;
            copy.indexes.addAll(indexes);
            copy.codecs.addAll(codecs);
            return new MongoModule(copy);
        }
    }
}
