package org.radpair.api.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.radpair.audit.AuditStats;
import org.radpair.audit.DashboardQueries;
import org.radpair.rules.Category;
import org.radpair.rules.RuleDefinition;
import org.radpair.rules.Verdict;

/** What the dashboard shows, computed from the stats, the trend, the breakdowns and the open findings. */
public record Dashboard(LocalDate from, LocalDate to, long total, List<Figure> verdicts, List<Figure> categories,
        List<RuleFigure> rules, List<Figure> payers, List<Figure> cpts, List<Figure> overdue, long openFindings,
        List<Day> days, String chartData) {

    /** A labelled count, its share of the whole, and the claim list (or worklist) it links to. */
    public record Figure(String key, String label, long count, String share, String link) {
    }

    public record RuleFigure(String rule, String category, String summary, long count, String share, String link) {
    }

    public record Day(LocalDate day, long pass, long warn, long fail, long total, String link) {
    }

    static final int TOP = 10;

    static Dashboard of(LocalDate from, LocalDate to, AuditStats stats, List<DashboardQueries.DayCount> trend,
            List<DashboardQueries.ValueCount> payers, List<DashboardQueries.ValueCount> cpts,
            List<DashboardQueries.DueCount> openByDueDay, Map<String, RuleDefinition> ruleDefinitions, LocalDate today) {
        String period = "from=" + from + "&to=" + to;
        long total = stats.total();
        List<Figure> verdicts = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            long count = stats.byVerdict().getOrDefault(verdict.name(), 0L);
            verdicts.add(new Figure(verdict.name(), verdict.name(), count, share(count, total),
                    "/console/claims?" + period + "&verdict=" + verdict.name()));
        }
        List<Figure> categories = new ArrayList<>();
        stats.byCategory().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> categories.add(new Figure(e.getKey(), label(e.getKey()), e.getValue(), share(e.getValue(), total),
                        "/console/claims?" + period + "&category=" + e.getKey())));
        List<RuleFigure> rules = new ArrayList<>();
        stats.byRule().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> {
                    RuleDefinition definition = ruleDefinitions.get(e.getKey());
                    rules.add(new RuleFigure(e.getKey(), definition == null ? "" : label(definition.category().name()),
                            definition == null ? "" : definition.summary(), e.getValue(), share(e.getValue(), total),
                            "/console/claims?" + period + "&rule=" + Links.encode(e.getKey())));
                });
        List<Figure> payerFigures = payers.stream().map(p -> new Figure(p.value(), p.value() == null ? "(no payer id)" : p.value(),
                p.claims(), share(p.claims(), total),
                p.value() == null ? null : "/console/claims?" + period + "&payer=" + Links.encode(p.value()))).toList();
        List<Figure> cptFigures = cpts.stream().map(c -> new Figure(c.value(), c.value(), c.claims(), share(c.claims(), total),
                "/console/claims?" + period + "&cpt=" + Links.encode(c.value()))).toList();
        Map<Overdue, Long> buckets = new EnumMap<>(Overdue.class);
        long open = 0;
        for (DashboardQueries.DueCount day : openByDueDay) {
            buckets.merge(Overdue.of(day.dueOn(), today), day.findings(), Long::sum);
            open += day.findings();
        }
        List<Figure> overdue = new ArrayList<>();
        for (Overdue bucket : Overdue.values()) {
            long count = buckets.getOrDefault(bucket, 0L);
            overdue.add(new Figure(bucket.key(), bucket.label(), count, share(count, open),
                    "/console/findings?status=OPEN&overdue=" + Links.encode(bucket.key())));
        }
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (DashboardQueries.DayCount day : trend) {
            long[] counts = byDay.computeIfAbsent(day.day(), d -> new long[3]);
            counts[Verdict.valueOf(day.verdict()).ordinal()] += day.claims();
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long[] counts = byDay.getOrDefault(day, new long[3]);
            days.add(new Day(day, counts[0], counts[1], counts[2], counts[0] + counts[1] + counts[2],
                    "/console/claims?from=" + day + "&to=" + day));
        }
        return new Dashboard(from, to, total, verdicts, categories, rules, payerFigures, cptFigures, overdue, open, days,
                chartData(days, payerFigures, cptFigures, overdue));
    }

    static String share(long count, long total) {
        return total == 0 ? "0.0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * count / total);
    }

    static String label(String constant) {
        if (constant.equals("BIRADS")) {
            return "BI-RADS";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The charts' data as JSON, read by console.js from a non-executable script element. */
    private static String chartData(List<Day> days, List<Figure> payers, List<Figure> cpts, List<Figure> overdue) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", days.stream().map(d -> d.day().toString()).toList());
        data.put("pass", days.stream().map(Day::pass).toList());
        data.put("warn", days.stream().map(Day::warn).toList());
        data.put("fail", days.stream().map(Day::fail).toList());
        data.put("dayLinks", days.stream().map(Day::link).toList());
        data.put("payers", figures(payers));
        data.put("cpts", figures(cpts));
        data.put("overdue", figures(overdue));
        return Links.json(data);
    }

    private static Map<String, Object> figures(List<Figure> figures) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", figures.stream().map(Figure::label).toList());
        data.put("counts", figures.stream().map(Figure::count).toList());
        data.put("links", figures.stream().map(f -> f.link() == null ? "" : f.link()).toList());
        return data;
    }

    static List<String> categoryNames() {
        return java.util.Arrays.stream(Category.values()).map(Enum::name).toList();
    }
}
