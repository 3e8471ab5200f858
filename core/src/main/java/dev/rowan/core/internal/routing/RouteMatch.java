package dev.rowan.core.internal.routing;

import java.util.Map;
import java.util.Set;

/** What the router found for a request. */
public sealed interface RouteMatch {
    /** A route; {@code params} maps names to {raw, converted}. */
    record Found(Route route, Map<String, Object[]> params) implements RouteMatch {}

    /** The path exists, but not for this method. */
    record MethodNotAllowed(Set<String> allowed) implements RouteMatch {}

    /** The path exists with (or without) a trailing slash: redirect there. */
    record AddSlash(String location) implements RouteMatch {}

    /** Nothing here: 404. */
    record NotFound() implements RouteMatch {}

    RouteMatch NOT_FOUND = new NotFound();
}
