package dev.rowan.mongo.internal;

import com.mongodb.client.model.IndexOptions;
import org.bson.conversions.Bson;

/** One index declared in code: ensured (created if missing) when the app starts. */
public record IndexSpec(String collection, Bson keys, IndexOptions options) {
}
