package dev.rowan.starter.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names a project gets from its folder: {@code my-blog} is the artifact {@code my-blog}, the
 * package {@code myblog}, the main class {@code myblog.MyBlogApp} and the title "My Blog".
 */
public record ProjectName(String artifact, String packageName, String className, String title) {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw",
            "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed",
            "permits", "non-sealed", "when", "module", "open", "exports", "requires", "to", "uses", "provides", "with", "opens",
            "transitive", "_");

    public static ProjectName of(Path dir) {
        String artifact = artifactOf(dir);
        return of(dir, artifact.replace("-", ""));
    }

    public static ProjectName of(Path dir, String packageName) {
        String artifact = artifactOf(dir);
        for (String part : packageName.split("\\.", -1)) {
            if (!part.matches("[a-z][a-z0-9_]*") || KEYWORDS.contains(part)) {
                throw new IllegalArgumentException("'" + packageName + "' cannot be the Java package: each part must start with a "
                        + "lower-case letter, use only a-z, 0-9 and _, and not be a Java keyword. Choose one with --package, e.g. "
                        + "--package com.example." + artifact.replaceAll("[^a-z0-9]", ""));
            }
        }
        String[] words = artifact.split("-");
        String className = Arrays.stream(words).map(ProjectName::capitalised).collect(Collectors.joining()) + "App";
        String title = Arrays.stream(words).map(ProjectName::capitalised).collect(Collectors.joining(" "));
        return new ProjectName(artifact, packageName, className, title);
    }

    private static String artifactOf(Path dir) {
        String folder = dir.getFileName() == null ? "" : dir.getFileName().toString();
        String artifact = folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (!artifact.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("The folder name '" + folder + "' gives no project name: it must start with a letter "
                    + "(a-z), as in blog or my-shop.");
        }
        return artifact;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? "" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The fully qualified main class. */
    public String mainClass() {
        return packageName + "." + className;
    }
}
