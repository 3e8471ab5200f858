package dev.rowan.templates.internal;

import io.pebbletemplates.pebble.cache.PebbleCache;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * One compiled template per name, replaced when the key's version changes; keying a plain map by
 * (name, version) would keep every old version of every edited template alive.
 */
final class ReloadingTemplateCache implements PebbleCache<Object, PebbleTemplate> {
    private record Entry(Object key, PebbleTemplate template) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public PebbleTemplate computeIfAbsent(Object key, Function<? super Object, ? extends PebbleTemplate> compile) {
        String name = key instanceof TemplateKey k ? k.name() : String.valueOf(key);
        Entry entry = entries.get(name);
        if (entry != null && entry.key().equals(key)) {
            return entry.template();
        }
        PebbleTemplate template = compile.apply(key);
        entries.put(name, new Entry(key, template));
        return template;
    }

    @Override
    public void invalidateAll() {
        entries.clear();
    }
}
