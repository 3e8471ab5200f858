package dev.rowan.examples.infoboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * Exchange rates as the upstream service publishes them:
 * {@code {"base":"EUR","date":"2026-11-27","rates":{"USD":1.08,...}}}.
 *
 * <pre>{@code
 * Rates r = RatesJson.parse(bytes);
 * r.rates().get("USD");   // 1.08
 * }</pre>
 */
public record Rates(String base, LocalDate date, SortedMap<String, BigDecimal> rates) {
}
