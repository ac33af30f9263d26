package org.radpair.api.check;

import static org.radpair.api.audit.AuditCsv.cell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.radpair.api.check.CheckCommand.CheckedFile;
import org.radpair.api.check.CheckCommand.Row;
import org.radpair.rules.Edit;
import org.radpair.rules.Severity;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;


import picocli.CommandLine;

/** The report's formats: CSV (one row per claim), JSON lines (a run line, then one line per claim), 277CA. */
enum ReportFormat {

    CSV {
        @Override
        void write(OutputStream out, List<CheckedFile> files, Engine engine) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(CSV_ROW.writeValueAsString(new String[] {"file", "claim", "claim_id", "verdict", "rules",
                    "categories", "errors", "messages"}));
            for (CheckedFile file : files) {
                for (Row row : file.rows()) {
                    List<Edit> edits = row.answer() == null ? List.of() : row.answer().edits();
                    writer.write(CSV_ROW.writeValueAsString(new String[] {
                            cell(row.file().toString()), String.valueOf(row.index()), cell(row.claimId()), row.verdict(),
                            cell(edits.stream().map(Edit::rule).distinct().collect(Collectors.joining(" "))),
                            cell(edits.stream().map(e -> e.category().name()).distinct().collect(Collectors.joining(" "))),
                            String.valueOf(edits.stream().filter(e -> e.severity() == Severity.ERROR).count()),
                            cell(row.problem() != null ? row.problem()
                                    : edits.stream().map(e -> e.rule() + ": " + e.message()).collect(Collectors.joining(" | ")))}));
                }
            }
            writer.flush();
        }
    },

    JSONL {
        @Override
        void write(OutputStream out, List<CheckedFile> files, Engine engine) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("type", "run");
            run.put("rulesetVersion", engine.checker.rulesetVersion());
            run.put("historyRulesSkipped", Engine.HISTORY_RULES.stream().sorted().toList());
            run.put("files", files.stream().map(file -> file.file().toString()).toList());
            writer.write(engine.json.writeValueAsString(run) + "\n");
            for (CheckedFile file : files) {
                for (Row row : file.rows()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("type", row.answer() == null ? "invalid" : "claim");
                    line.put("file", row.file().toString());
                    line.put("claim", row.index());
                    line.put("claimId", row.claimId());
                    if (row.answer() == null) {
                        line.put("problem", row.problem());
                    } else {
                        line.put("verdict", row.answer().verdict());
                        line.put("edits", row.answer().edits());
                        line.put("lines", row.answer().lines());
                    }
                    writer.write(engine.json.writeValueAsString(line) + "\n");
                }
            }
            writer.flush();
        }
    },

    /** One 277CA interchange per input file that has claims, one after the other. */
    X277CA {
        @Override
        void write(OutputStream out, List<CheckedFile> files, Engine engine) throws IOException {
            for (CheckedFile file : files) {
                if (file.interchange() != null) {
                    out.write(file.interchange().acknowledge(file.acknowledged(), engine.summaries));
                }
            }
            out.flush();
        }
    };

    private static final ObjectWriter CSV_ROW = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema());
    abstract void write(OutputStream out, List<CheckedFile> files, Engine engine) throws IOException;

    /** csv, jsonl, 277ca (any case). */
    static final class Converter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "jsonl", "ndjson" -> JSONL;
                case "277ca", "277", "x12" -> X277CA;
                default -> throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a report format: csv, jsonl or 277ca");
            };
        }
    }
}
