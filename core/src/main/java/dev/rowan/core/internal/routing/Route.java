package dev.rowan.core.internal.routing;

import dev.rowan.core.Handler;
import dev.rowan.core.HttpMethod;
import dev.rowan.core.Middleware;

import java.util.List;

/** One registered route: method, pattern, handler, optional name and the group middleware around it. */
public record Route(HttpMethod method, RoutePattern pattern, Handler handler, String name, List<Middleware> middleware) {
}
