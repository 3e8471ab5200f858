package dev.rowan.bench.jdbc;

/** A Fortune row; templates/fortunes.html reads {@code id} and {@code message}. */
public record FortuneRow(int id, String message) {
}
