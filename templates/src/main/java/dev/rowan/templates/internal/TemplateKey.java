package dev.rowan.templates.internal;

/** The cache key of a compiled template; {@code version} is always 0 unless reloading is on. */
record TemplateKey(String name, long version) {
}
