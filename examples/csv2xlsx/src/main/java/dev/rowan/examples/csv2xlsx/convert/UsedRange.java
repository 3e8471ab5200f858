package dev.rowan.examples.csv2xlsx.convert;

/**
 * The cells one worksheet really uses, as the {@code A1:K1000000} reference its {@code <dimension>}
 * element declares. Readers such as openpyxl in read-only mode trust that element instead of scanning
 * the rows, so it must cover every written cell.
 */
final class UsedRange {

    private int lastRow = -1;
    private int lastColumn = -1;

    /** Notes a written cell (zero-based row and column). */
    void cell(int row, int column) {
        lastRow = Math.max(lastRow, row);
        lastColumn = Math.max(lastColumn, column);
    }

    /** {@code A1} for a sheet without cells (what Excel writes for an empty sheet), else {@code A1:<last cell>}. */
    String ref() {
        return lastRow < 0 ? "A1" : "A1:" + columnName(lastColumn) + (lastRow + 1);
    }

    /** Zero-based column index to Excel's letters: 0 is A, 25 is Z, 26 is AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
