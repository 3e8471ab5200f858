package dev.rowan.examples.csv2xlsx.convert;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Looks at the first bytes of an upload: rejects well-known binary formats by their magic numbers (people
 * upload the .xlsx they want back, or a PDF, far more often than random bytes) and consumes a byte order
 * mark, which also tells the real encoding.
 */
final class Signatures {

    private static final int PEEK = 8;

    private Signatures() {
    }

    /**
     * Consumes a BOM if present and returns the charset to decode the rest with.
     *
     * @throws CsvConversionException for an empty stream or a known binary format
     */
    static Charset inspect(BufferedInputStream in, Charset declared) throws IOException, CsvConversionException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        if (head.length == 0) {
            throw CsvConversionException.forFile(CsvConversionException.Reason.EMPTY,
                    "The file is empty. Choose a CSV file with at least one row.");
        }
        rejectBinary(head);
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        return declared;
    }

    private static void rejectBinary(byte[] head) throws CsvConversionException {
        String kind = null;
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            kind = "a ZIP archive (an .xlsx, .docx or .zip file)";
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            kind = "a legacy Office document (such as an .xls file)";
        } else if (startsWith(head, '%', 'P', 'D', 'F')) {
            kind = "a PDF document";
        } else if (startsWith(head, 0x1F, 0x8B)) {
            kind = "a gzip-compressed file";
        }
        if (kind != null) {
            throw CsvConversionException.forFile(CsvConversionException.Reason.NOT_CSV,
                    "This is not a CSV file: it looks like " + kind
                            + ". Export or save it as CSV (comma- or semicolon-separated text) and upload that.");
        }
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        byte[] expected = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            expected[i] = (byte) magic[i];
        }
        return Arrays.equals(head, 0, magic.length, expected, 0, magic.length);
    }
}
