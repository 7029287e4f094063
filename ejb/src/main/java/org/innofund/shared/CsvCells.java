package org.innofund.shared;

/** Cells of the CSV files the product writes for people to open in a spreadsheet. */
public final class CsvCells {

    private CsvCells() {
    }

    /** The text as a cell, with a leading apostrophe if a spreadsheet would take it for a formula (CSV injection). */
    public static String formulaSafe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
