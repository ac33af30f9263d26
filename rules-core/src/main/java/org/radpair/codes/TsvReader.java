package org.radpair.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads the tab-separated reference tables shipped on the class path (gzipped when named *.gz). */
public final class TsvReader {

    private TsvReader() {
    }

    /**
     * Calls {@code row} for every data row, split on tabs. Leading {@code #} comment lines and the header row are skipped;
     * a row whose column count differs from the header's fails the load, naming the table and the line.
     */
    public static void forEachRow(String resource, Consumer<String[]> row) {
        try (InputStream raw = TsvReader.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("Reference table missing from the class path: " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line = reader.readLine();
            while (line != null && line.startsWith("#")) {
                line = reader.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("Reference table is empty: " + resource);
            }
            int columns = split(line, 0).length;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] fields = split(line, 0);
                    if (fields.length != columns) {
                        throw new IllegalStateException(resource + ": data line " + number + " has " + fields.length
                                + " columns where the header has " + columns);
                    }
                    row.accept(fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference table " + resource, e);
        }
    }

    /** Splits on tabs; a short row is padded with empty strings up to {@code columns}, a long one grows. */
    static String[] split(String line, int columns) {
        String[] fields = new String[Math.max(columns, 1)];
        int count = 0;
        int start = 0;
        int tab;
        while ((tab = line.indexOf('\t', start)) >= 0) {
            if (count == fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            fields[count++] = line.substring(start, tab);
            start = tab + 1;
        }
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, fields.length + 1);
        }
        fields[count++] = line.substring(start);
        if (columns == 0) {
            return Arrays.copyOf(fields, count);
        }
        Arrays.fill(fields, count, fields.length, "");
        return fields;
    }
}
