package dev.rowan.examples.csv2xlsx.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a finished workbook, putting each sheet's true used range into its {@code <dimension>}.
 *
 * <p>The streaming writer writes a sheet's XML head, dimension included, before the first row, when the
 * size of the sheet is still unknown, so it always writes {@code <dimension ref="A1"/>}. The element must
 * come before the rows (the schema's order), so the only way to write the true range without holding
 * the rows in memory is a second pass over the finished zip: every entry is copied, and in the head of
 * each sheet the placeholder is replaced. The head is the first few hundred bytes; the rest streams.
 */
final class Dimensions {

    /** The element the writer puts in every sheet head; the head is far shorter than {@link #HEAD_BYTES}. */
    private static final String PLACEHOLDER = "<dimension ref=\"A1\"/>";
    private static final int HEAD_BYTES = 8 * 1024;
    /** The level the streaming writer itself uses: the same file size as before, at the same cost. */
    static final int OUTPUT_LEVEL = 4;

    private Dimensions() {
    }

    /** Writes {@code workbook} to {@code out} with sheet {@code i + 1} declaring {@code ranges.get(i)}. */
    static void copy(Path workbook, OutputStream out, List<UsedRange> ranges) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(OUTPUT_LEVEL);
        try (ZipFile source = new ZipFile(workbook.toFile())) {
            Enumeration<? extends ZipEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = source.getInputStream(entry)) {
                    int sheet = sheetNumber(entry.getName());
                    if (sheet >= 1 && sheet <= ranges.size()) {
                        writeHead(in, zip, ranges.get(sheet - 1).ref());
                    }
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        zip.finish();   // not close(): the caller owns out
    }

    private static void writeHead(InputStream sheet, OutputStream out, String ref) throws IOException {
        // ISO-8859-1 maps every byte to one char and back, so the bytes around the element stay exact.
        String head = new String(sheet.readNBytes(HEAD_BYTES), StandardCharsets.ISO_8859_1);
        int at = head.indexOf(PLACEHOLDER);
        if (at >= 0) {
            head = head.substring(0, at) + "<dimension ref=\"" + ref + "\"/>" + head.substring(at + PLACEHOLDER.length());
        }
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** 3 for {@code xl/worksheets/sheet3.xml}; 0 for anything else. */
    private static int sheetNumber(String name) {
        String prefix = "xl/worksheets/sheet";
        if (!name.startsWith(prefix) || !name.endsWith(".xml")) {
            return 0;
        }
        String digits = name.substring(prefix.length(), name.length() - ".xml".length());
        return digits.matches("[0-9]{1,7}") ? Integer.parseInt(digits) : 0;
    }
}
