package org.radpair.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads the tab-separated reference tables shipped on the class path (gzipped when named *.gz). */
public final class TsvReader {

    private TsvReader() {
    }

    /** One data row of a table, its fields read by the header's column names. */
    public static final class Row {
        private final Header header;
        private final String[] fields;

        private Row(Header header, String[] fields) {
            this.header = header;
            this.fields = fields;
        }

        /** The field under the header's column {@code column}; a name the header lacks fails the load. */
        public String get(String column) {
            return fields[header.index(column)];
        }

        /** The field as an integer; a blank field is {@code null}. */
        public Integer integer(String column) {
            String value = get(column);
            return value.isBlank() ? null : Integer.valueOf(value.strip());
        }

        /** The field as a comma-separated list, each item stripped; a blank field is an empty list. */
        public List<String> list(String column) {
            String value = get(column);
            return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
        }
    }

    private static final class Header {
        private final String resource;
        private final String[] names;

        Header(String resource, String[] names) {
            this.resource = resource;
            this.names = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                // Interned, so that the code's column names (literals) are found by identity first.
                this.names[i] = names[i].strip().intern();
            }
        }

        int index(String column) {
            for (int i = 0; i < names.length; i++) {
                if (names[i] == column) {
                    return i;
                }
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(column)) {
                    return i;
                }
            }
            throw new IllegalStateException(resource + ": no column \"" + column + "\"; its header has "
                    + Arrays.toString(names));
        }
    }

    /**
     * Calls {@code row} for every data row. Leading {@code #} comment lines are skipped, the first other line is the
     * header naming the columns; a row whose column count differs from the header's, or a column name the header
     * lacks, fails the load, naming the table (and the line).
     */
    public static void read(String resource, Consumer<Row> row) {
        Header[] header = new Header[1];
        forEachLine(resource, names -> header[0] = new Header(resource, names), fields -> row.accept(new Row(header[0], fields)));
    }

    private static void forEachLine(String resource, Consumer<String[]> headerLine, Consumer<String[]> row) {
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
            String[] names = split(line, 8);
            headerLine.accept(names);
            int columns = names.length;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] fields = split(line, columns);
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

    /** Splits on tabs, keeping empty fields; sized for {@code expected} fields, grown if there are more. */
    static String[] split(String line, int expected) {
        String[] fields = new String[Math.max(expected, 1)];
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
        return count == fields.length ? fields : Arrays.copyOf(fields, count);
    }
}
