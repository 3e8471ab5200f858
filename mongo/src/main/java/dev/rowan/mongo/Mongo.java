package dev.rowan.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import dev.rowan.core.App;
import dev.rowan.core.Context;
import dev.rowan.mongo.internal.Embedded;
import dev.rowan.mongo.internal.EmbeddedServer;
import dev.rowan.mongo.internal.IndexSpec;
import dev.rowan.mongo.internal.UriMask;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The app's MongoDB: one {@link MongoClient} for the whole app, its database, and typed collections. Installed by
 * {@link MongoModule}; look it up with {@link #of(Context)} in handlers.
 *
 * <pre>{@code
 * record Note(@BsonId ObjectId id, String title) {}
 *
 * app.get("/notes/{id:objectid}", ctx -> {
 *     MongoCollection<Note> notes = Mongo.of(ctx).collection("notes", Note.class);
 *     Note note = notes.find(Filters.eq("_id", ctx.pathParam("id").as(ObjectId.class))).first();
 *     ...
 * });
 * }</pre>
 *
 * <p>Mapped records must be public (the driver reads their components by reflection); classes need public
 * getters and setters or public fields and a no-argument constructor. The client is created on first use (the startup check or the first request), so building an app does not
 * open connections. With no URI configured, first use starts the in-process server (see {@link MongoModule}).
 */
public final class Mongo {
    private static final System.Logger LOG = System.getLogger("rowan.mongo");

    private final Optional<String> uri;
    private final String databaseName;
    private final Optional<Path> embeddedFile;
    private final Duration serverSelectionTimeout;
    private final CodecRegistry codecs;
    private final List<IndexSpec> indexes = new ArrayList<>();
    private MongoClient client;
    private Optional<EmbeddedServer> embedded = Optional.empty();
    private String shownUri;
    private boolean indexesEnsured;
    private boolean closed;

    Mongo(Optional<String> uri, String databaseName, Optional<Path> embeddedFile, Duration serverSelectionTimeout,
          CodecRegistry codecs) {
        this.uri = uri;
        this.databaseName = databaseName;
        this.embeddedFile = embeddedFile;
        this.serverSelectionTimeout = serverSelectionTimeout;
        this.codecs = codecs;
        this.shownUri = uri.map(UriMask::mask).orElse("(embedded, not started yet)");
    }

    /** The app's Mongo; fails with a message naming the module to install when there is none. */
    public static Mongo of(App app) {
        return app.findService(Mongo.class).orElseThrow(() -> new IllegalStateException(
                "mongo.E006 No MongoDB is configured for this app: app.install(MongoModule.create()) first "
                        + "(dependency dev.rowan:rowan-mongo)."));
    }

    /** The Mongo of the request's app. */
    public static Mongo of(Context ctx) {
        return of(ctx.app());
    }

    /** The one client of this app (created, and the embedded server started, on first call). */
    public synchronized MongoClient client() {
        if (closed) {
            throw new IllegalStateException("mongo.E007 The MongoDB client of this app was closed when the app stopped.");
        }
        if (client == null) {
            client = MongoClients.create(settings(connectionString()));
        }
        return client;
    }

    /** The app's database ({@code mongodb.database}, else the URI's database, else {@code rowan}). */
    public MongoDatabase database() {
        return client().getDatabase(databaseName);   // the client's settings carry the codecs
    }

    /** A collection whose documents are mapped to {@code type}: a record or a class with a no-argument constructor. */
    public <T> MongoCollection<T> collection(String name, Class<T> type) {
        return database().getCollection(name, type);
    }

    /** A collection of plain {@link Document}s. */
    public MongoCollection<Document> collection(String name) {
        return database().getCollection(name);
    }

    /**
     * Declares an index on {@code collection}; created at start if it is missing. The in-process server builds
     * {@code _id} and unique indexes; any other it records without entries (queries scan), quietly.
     */
    public Mongo index(String collection, Bson keys) {
        return index(collection, keys, new IndexOptions());
    }

    /** Declares an index with options (unique, name, partial filter, ...). */
    public synchronized Mongo index(String collection, Bson keys, IndexOptions options) {
        if (indexesEnsured) {
            throw new IllegalStateException("mongo.E008 Declare indexes while the app is set up (in a module's install), "
                    + "not after it started: the index on " + collection + " would never be created.");
        }
        indexes.add(new IndexSpec(Objects.requireNonNull(collection, "collection"), Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(options, "options")));
        return this;
    }

    /** The database name in use. */
    public String databaseName() {
        return databaseName;
    }

    /** Where the app's data lives, password hidden: the URI, or the embedded server's URI and file. */
    public synchronized String describe() {
        return shownUri;
    }

    /** True when the app uses the in-process server because no URI is configured. */
    public boolean isEmbedded() {
        return uri.isEmpty();
    }

    // ---------------------------------------------------------------- for MongoModule

    synchronized void ensureIndexes() {
        indexesEnsured = true;
        for (IndexSpec spec : indexes) {
            try {
                database().getCollection(spec.collection()).createIndex(spec.keys(), spec.options());
            } catch (RuntimeException e) {
                // The startup check (mongo.E001) already says the server is unreachable; in production that stops
                // the start before this runs. In development the app still starts, so say what is missing.
                LOG.log(System.Logger.Level.WARNING, "mongo.W001 The index " + spec.keys() + " on " + spec.collection()
                        + " was not ensured: " + e.getMessage());
            }
        }
    }

    /** Pings the server; empty when it answered, else why not. */
    Optional<String> ping() {
        try {
            database().runCommand(new Document("ping", 1));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
        embedded.ifPresent(EmbeddedServer::stop);
        embedded = Optional.empty();
    }

    // ---------------------------------------------------------------- internals

    private ConnectionString connectionString() {
        if (uri.isPresent()) {
            return new ConnectionString(uri.get());
        }
        EmbeddedServer server = Embedded.start(embeddedFile);
        embedded = Optional.of(server);
        String where = embeddedFile.map(f -> "data in " + f.toAbsolutePath()).orElse("data in memory only");
        shownUri = server.uri() + " (embedded, " + where + ")";
        LOG.log(System.Logger.Level.INFO, "mongo: no MongoDB URI is configured, so an in-process MongoDB-compatible "
                + "server was started on " + server.uri() + " with " + where
                + ". Set MONGODB_URI (or mongodb.uri) to use a real MongoDB.");
        return new ConnectionString(server.uri());
    }

    private MongoClientSettings settings(ConnectionString connection) {
        return MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) Math.min(Integer.MAX_VALUE, serverSelectionTimeout.toMillis()), TimeUnit.MILLISECONDS))
                .codecRegistry(codecs)
                .build();
    }
}
