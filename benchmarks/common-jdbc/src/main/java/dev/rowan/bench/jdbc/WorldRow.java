package dev.rowan.bench.jdbc;

/** A World row, and its JSON shape: {"id":…,"randomNumber":…}. */
public record WorldRow(int id, int randomNumber) {
}
