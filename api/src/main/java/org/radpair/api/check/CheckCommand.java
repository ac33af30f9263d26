package org.radpair.api.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;

import org.radpair.api.claims.ValidateRequest;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.x12.Interchange;
import org.radpair.api.x12.X12Resource;
import org.radpair.api.x12.X12SyntaxException;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.Verdict;

import com.fasterxml.jackson.core.JsonProcessingException;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check FILE…}: checks 837P interchanges and NDJSON claim files with the rules engine alone (no database, no
 * server) and writes a report. Exit status 0 when every claim passes or warns, 1 when any claim fails, 2 for a usage
 * or input error (a file that cannot be read, is not X12 or NDJSON, has an X12 syntax error or an invalid NDJSON line).
 */
@Command(name = "check", mixinStandardHelpOptions = true, version = ClaimChecker.RULES_VERSION,
        description = {"Checks X12 837P interchanges and NDJSON claim files (one claim per line, the JSON of "
                + "POST /v1/claims/validate) with the RadPair rules, without database or server.",
                "The rules that read a patient's history (" + Engine.HISTORY_RULE_LIST + ") are skipped.",
                "Shows a progress bar on standard error when run on a terminal."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every claim passed or warned", "1:at least one claim failed",
                "2:usage or input error (unreadable file, not X12 or NDJSON, X12 syntax error, invalid NDJSON line)"})
public final class CheckCommand implements Callable<Integer> {

    static final int ALL_PASS = 0;
    static final int SOME_FAIL = 1;
    static final int INPUT_ERROR = 2;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "837P interchanges or NDJSON files (told apart by content)")
    List<Path> files;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "csv", converter = ReportFormat.Converter.class,
            description = "Report format: csv, jsonl or 277ca (default ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here (default: standard output)")
    Path output;

    @Option(names = "--no-progress", description = "No progress bar (it shows only on a terminal anyway)")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public CheckCommand() {
        this(null);
    }

    CheckCommand(Engine engine) {
        this.engine = engine;
    }

    /** Held so that the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger ROOT_LOGGER = java.util.logging.Logger.getLogger("");

    /** Runs {@code check} with these arguments (those after the word "check") and returns the exit status. */
    public static int run(String... args) {
        // Outside Quarkus no logging configuration applies: the log manager the runner installs then passes every
        // level, and StAEDI builds its fine-level messages for each segment (most of the time of a large interchange).
        ROOT_LOGGER.setLevel(java.util.logging.Level.WARNING);
        return commandLine(new CheckCommand()).execute(args);
    }

    static CommandLine commandLine(CheckCommand command) {
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("check: " + exception.getMessage());
            return INPUT_ERROR;
        });
        return line;
    }

    /** One claim's line of the report: its answer, or why it could not be read (and, while checking, its request). */
    record Row(Path file, int index, String claimId, ValidateResponse answer, String problem, ValidateRequest request) {
        Row(Path file, int index, String claimId, ValidateResponse answer, String problem) {
            this(file, index, claimId, answer, problem, null);
        }

        String verdict() {
            return answer == null ? "INVALID" : answer.verdict().name();
        }

        Row withoutRequest() {
            return new Row(file, index, claimId, answer, problem, null);
        }
    }

    /** One input file as read and checked; {@code interchange} is what its 277CA answers (null when unreadable). */
    record CheckedFile(Path file, Interchange interchange, List<ValidateResponse> acknowledged, List<Row> rows) {
    }

    private sealed interface Loaded permits X12File, JsonLinesFile, Unreadable {
        Path file();

        int claims();
    }

    private record X12File(Path file, Interchange interchange) implements Loaded {
        public int claims() {
            return interchange.size();
        }
    }

    private record JsonLinesFile(Path file, List<String> lines) implements Loaded {
        public int claims() {
            return lines.size();
        }
    }

    private record Unreadable(Path file, String problem) implements Loaded {
        public int claims() {
            return 0;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Engine checks = engine != null ? engine : new Engine();
        long loadedRules = System.nanoTime();
        List<Loaded> loaded = files.stream().map(this::load).toList();
        int total = loaded.stream().mapToInt(Loaded::claims).sum();
        long read = System.nanoTime();
        List<CheckedFile> checked = new ArrayList<>();
        try (ProgressBar bar = progressBar(total)) {
            for (Loaded file : loaded) {
                checked.add(check(checks, file, bar));
            }
        }
        long done = System.nanoTime();
        try (OutputStream out = output == null ? System.out : Files.newOutputStream(output)) {
            OutputStream target = output == null ? new NonClosing(out) : out;
            format.write(target, checked, checks);
        }
        long written = System.nanoTime();
        Summary summary = Summary.of(checked);
        err.printf("check: %d claims in %d files, %.1f s (reference data %.1f s, reading %.1f s, checking %.1f s, report"
                + " %.1f s): %d pass, %d warn, %d fail, %d invalid.%n", summary.claims(), checked.size(),
                seconds(start, written), seconds(start, loadedRules), seconds(loadedRules, read), seconds(read, done),
                seconds(done, written), summary.pass(), summary.warn(), summary.fail(), summary.invalid());
        err.println("check: the rules that read a patient's history were skipped (no database): "
                + Engine.HISTORY_RULE_LIST + ".");
        checked.stream().flatMap(file -> file.rows().stream()).filter(row -> row.problem() != null).limit(20)
                .forEach(row -> err.println("check: " + row.file() + (row.index() > 0 ? " claim " + row.index() : "")
                        + ": " + row.problem()));
        err.flush();
        return summary.invalid() > 0 ? INPUT_ERROR : summary.fail() > 0 ? SOME_FAIL : ALL_PASS;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    record Summary(int claims, int pass, int warn, int fail, int invalid) {
        static Summary of(List<CheckedFile> files) {
            int pass = 0;
            int warn = 0;
            int fail = 0;
            int invalid = 0;
            for (CheckedFile file : files) {
                for (Row row : file.rows()) {
                    if (row.answer() == null) {
                        invalid++;
                    } else if (row.answer().verdict() == Verdict.PASS) {
                        pass++;
                    } else if (row.answer().verdict() == Verdict.WARN) {
                        warn++;
                    } else {
                        fail++;
                    }
                }
            }
            return new Summary(pass + warn + fail, pass, warn, fail, invalid);
        }
    }

    private ProgressBar progressBar(int total) {
        boolean terminal = System.console() != null;
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("check").setInitialMax(total)
                .setUpdateIntervalMillis(200).continuousUpdate();
        // Only on a terminal, on standard error: a pipe or a file gets the report alone.
        builder.setConsumer(!noProgress && terminal ? new ConsoleProgressBarConsumer(System.err) : new SilentConsumer());
        return builder.build();
    }

    private Loaded load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return new Unreadable(file, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("ISA")) {
            try {
                return new X12File(file, Interchange.read(bytes, Integer.MAX_VALUE));
            } catch (X12SyntaxException | X12Resource.TooManyClaims e) {
                return new Unreadable(file, e.getMessage());
            }
        }
        if (start.startsWith("{")) {
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException | RuntimeException e) {
                return new Unreadable(file, "is not UTF-8 text (" + e.getMessage() + ")");
            }
            return new JsonLinesFile(file, lines);
        }
        return new Unreadable(file, "is neither an X12 interchange (starting with ISA) nor NDJSON (a JSON object a line)");
    }

    private CheckedFile check(Engine checks, Loaded loaded, ProgressBar bar) {
        if (loaded instanceof Unreadable unreadable) {
            return new CheckedFile(unreadable.file(), null, List.of(),
                    List.of(new Row(unreadable.file(), 0, null, null, unreadable.problem())));
        }
        if (loaded instanceof JsonLinesFile lines) {
            return checkLines(checks, lines, bar);
        }
        X12File x12 = (X12File) loaded;
        long before = bar.getCurrent();
        List<ValidateResponse> answers = x12.interchange().checkAll(checks.validator, request -> {
            bar.step();
            return checks.check(request);
        });
        bar.stepTo(before + answers.size());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            rows.add(new Row(x12.file(), i + 1, x12.interchange().claimId(i), answers.get(i), null));
        }
        return new CheckedFile(x12.file(), x12.interchange(), answers, rows);
    }

    private static CheckedFile checkLines(Engine checks, JsonLinesFile file, ProgressBar bar) {
        List<String> lines = file.lines();
        // Every line on every core; the rows come back in line order.
        List<Row> read = java.util.stream.IntStream.range(0, lines.size()).parallel()
                .mapToObj(i -> {
                    bar.step();
                    return lines.get(i).isBlank() ? null : checkLine(checks, file.file(), i + 1, lines.get(i));
                })
                .toList();
        List<Row> rows = new ArrayList<>();
        List<ValidateRequest> requests = new ArrayList<>();
        List<ValidateResponse> answers = new ArrayList<>();
        for (Row row : read) {
            if (row == null) {
                continue;
            }
            rows.add(row.withoutRequest());
            if (row.answer() != null) {
                requests.add(row.request());
                answers.add(row.answer());
            }
        }
        return new CheckedFile(file.file(), requests.isEmpty() ? null : Interchange.ofRequests(requests), answers, rows);
    }

    private static Row checkLine(Engine checks, Path file, int index, String line) {
        ValidateRequest request;
        try {
            request = checks.json.readValue(line, ValidateRequest.class);
        } catch (JsonProcessingException e) {
            return new Row(file, index, null, null, "line " + index + " is not a valid claim: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<ValidateRequest>> violations = request == null ? Set.of() : checks.validator.validate(request);
        if (request == null || !violations.isEmpty()) {
            return new Row(file, index, request == null ? null : request.claimId(), null, "line " + index
                    + " is not a valid claim: " + (request == null ? "null" : violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                            .collect(Collectors.joining("; "))));
        }
        return new Row(file, index, request.claimId(), checks.check(request), null, request);
    }

    /** Standard output stays open for whoever runs the command after the report. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class SilentConsumer implements me.tongfei.progressbar.ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return 80;
        }

        @Override
        public void accept(String rendered) {
            // No terminal: the bar is not shown.
        }

        @Override
        public void close() {
            // Nothing was shown.
        }
    }
}
