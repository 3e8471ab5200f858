package dev.rowan.templates.internal;

import dev.rowan.templates.TemplateNotFoundException;
import dev.rowan.templates.spi.TemplateRoot;
import dev.rowan.templates.spi.TemplateSource;

import java.util.List;
import java.util.Optional;

/** Roots in priority order: folders, then the application's classpath, then modules. First match wins. */
public final class RootChain {
    private final List<TemplateRoot> roots;

    public RootChain(List<TemplateRoot> roots) {
        this.roots = List.copyOf(roots);
    }

    public Optional<TemplateSource> find(String name) {
        Optional<String> normalized = TemplateNames.normalize(name);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        for (TemplateRoot root : roots) {
            Optional<TemplateSource> source = root.find(normalized.get());
            if (source.isPresent()) {
                return source;
            }
        }
        return Optional.empty();
    }

    public TemplateSource require(String name) {
        return find(name).orElseThrow(() -> notFound(name));
    }

    public TemplateNotFoundException notFound(String name) {
        List<String> searched = roots.stream().map(TemplateRoot::description).toList();
        if (TemplateNames.normalize(name).isEmpty()) {
            searched = List.of("nowhere: the name must be a relative path without '..' above the root");
        }
        return TemplateNotFoundException.of(name, searched);
    }
}
