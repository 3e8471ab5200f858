package dev.rowan.examples.csv2xlsx;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Context;
import dev.rowan.core.HttpException;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.core.UploadedFile;
import dev.rowan.core.spi.CsrfTokens;
import dev.rowan.examples.csv2xlsx.convert.CsvConversionException;
import dev.rowan.examples.csv2xlsx.convert.CsvToXlsx;
import dev.rowan.forms.CsrfProtection;
import dev.rowan.templates.TemplatesModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Upload a CSV at {@code <prefix>/}, download an .xlsx workbook. The conversion writes to a temporary
 * file first and the download starts only when it succeeded, so nobody gets a half-written workbook; a
 * file the converter rejects gets a 400 page naming the line. Every temporary file is removed.
 *
 * <p>Uploads are limited by {@code server.max-body-size} (an upload over it is a 413); {@link #main}
 * raises the default to 200MB. {@code csv2xlsx.max-rows} limits the data rows (default 5,000,000).
 *
 * <p>The form carries a CSRF token when {@code CsrfProtection} is installed, as {@link #main} and the demo do.
 *
 * <pre>{@code
 * App.create(Config.load().with("server.max-body-size", "200MB"))
 *    .install(CsrfProtection.create())
 *    .install(Csv2XlsxApp.at("/csv2xlsx"))
 *    .start();
 * }</pre>
 */
public final class Csv2XlsxApp implements Module {
    /** The template pages extend unless {@link #withLayout(String)} names another. */
    public static final String DEFAULT_LAYOUT = "csv2xlsx/base.html";
    /** The upload limit {@link #main} uses unless {@code server.max-body-size} is set. */
    public static final String SUGGESTED_MAX_BODY_SIZE = "200MB";
    /** The one setting of its own the converter reads; uploads use the core's server.max-body-size and server.upload-dir. */
    public static final Setting MAX_ROWS = Setting.of("csv2xlsx.max-rows", Setting.Type.INTEGER,
            String.valueOf(CsvToXlsx.Builder.DEFAULT_MAX_ROWS), "CSV files with more data rows are refused (csv.E005).");

    private final String prefix;
    private final String layout;

    private Csv2XlsxApp(String prefix, String layout) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The converter pages mounted under {@code prefix} ("/" for the site root). */
    public static Csv2XlsxApp at(String prefix) {
        return new Csv2XlsxApp(prefix, DEFAULT_LAYOUT);
    }

    /** A copy whose pages extend {@code template} (it must define the blocks {@code title} and {@code content}). */
    public Csv2XlsxApp withLayout(String template) {
        return new Csv2XlsxApp(prefix, template);
    }

    @Override
    public void install(App app) {
        app.install(TemplatesModule.create());
        app.declare(MAX_ROWS);
        long maxRows = app.config().getLong("csv2xlsx.max-rows", CsvToXlsx.Builder.DEFAULT_MAX_ROWS);
        Path tempDir = Path.of(app.config().get("server.upload-dir", System.getProperty("java.io.tmpdir")));
        app.group(prefix, "csv2xlsx", r -> {
            r.get("/", ctx -> page(ctx, Map.of()), "index");
            r.post("/", ctx -> convert(ctx, maxRows, tempDir), "convert");
        });
    }

    private void convert(Context ctx, long maxRows, Path tempDir) throws IOException {
        Options options;
        UploadedFile csv;
        try {
            options = Options.from(ctx);
            csv = ctx.file("csv").filter(f -> f.size() > 0 || !f.filename().isEmpty())
                    .orElseThrow(() -> HttpException.badRequest("Choose a CSV file to convert."));
        } catch (HttpException e) {
            refuse(ctx, e.status(), e.getMessage(), Optional.empty(), Options.DEFAULT);
            return;
        }
        Path xlsx = Files.createTempFile(tempDir, "csv2xlsx-", ".xlsx");
        try {
            try (InputStream in = csv.open(); OutputStream out = Files.newOutputStream(xlsx)) {
                options.converter(maxRows, tempDir).convert(in, out);
            } catch (CsvConversionException e) {
                int status = e.reason() == CsvConversionException.Reason.TOO_MANY_ROWS ? 413 : 400;
                refuse(ctx, status, e.getMessage(), e.line().stream().boxed().findFirst(), options);
                return;
            }
            ctx.download(xlsx, downloadName(csv.filename()));   // the .xlsx suffix gives the content type
        } finally {
            Files.deleteIfExists(xlsx);
        }
    }

    private void refuse(Context ctx, int status, String message, Optional<Long> line, Options options) {
        Map<String, Object> model = new HashMap<>(options.model());
        model.put("error", message);
        line.ifPresent(l -> model.put("line", l));
        ctx.status(status);
        page(ctx, model);
    }

    private void page(Context ctx, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(Options.DEFAULT.model());
        model.putAll(values);
        model.put("layout", layout);
        model.put("delimiters", Delimiter.values());
        model.put("max_size", readableSize(ctx.app().maxBodySize()));
        model.put("csrf", ctx.app().findService(CsrfTokens.class).isPresent());
        ctx.render("csv2xlsx/index.html", model);
    }

    /** {@code report.csv} gives {@code report.xlsx}; no name gives {@code converted.xlsx}. */
    static String downloadName(String uploaded) {
        String base = uploaded.replaceFirst("(?i)\\.(csv|tsv|txt)$", "").strip();
        return (base.isEmpty() ? "converted" : base) + ".xlsx";
    }

    static String readableSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0) : bytes + " bytes";
    }

    /** What the form asked for. */
    record Options(Delimiter delimiter, boolean header, boolean text) {
        static final Options DEFAULT = new Options(Delimiter.AUTO, true, false);

        static Options from(Context ctx) {
            String value = ctx.form("delimiter").asString("auto");
            Delimiter d = Delimiter.of(value).orElseThrow(() -> HttpException.badRequest(
                    "Unknown delimiter '" + value + "'; choose auto, comma, semicolon, tab or pipe."));
            return new Options(d, ctx.form("header").isPresent(), ctx.form("text").isPresent());
        }

        CsvToXlsx converter(long maxRows, Path tempDir) {
            return CsvToXlsx.builder().delimiter(delimiter.character()).header(header).typedCells(!text)
                    .maxRows(maxRows).tempDirectory(tempDir).build();
        }

        Map<String, Object> model() {
            return Map.of("delimiter", delimiter.value(), "header", header, "text", text);
        }
    }

    @Override
    public String name() {
        return "csv2xlsx";
    }

    /** Runs the converter pages alone on port 8000, accepting uploads up to 200MB unless configured otherwise. */
    public static void main(String[] args) {
        Config config = Config.load().withDefault("server.max-body-size", SUGGESTED_MAX_BODY_SIZE);
        App.create(config).install(CsrfProtection.create()).install(Csv2XlsxApp.at("/")).run(args);
    }
}
