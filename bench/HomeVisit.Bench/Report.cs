using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HomeVisit.Bench;

/// <summary>Prints the measurements of one run as a Markdown table against the budgets of issue 12.</summary>
internal static class Report
{
    public static string Build(string resultsFile)
    {
        var all = File.ReadLines(resultsFile).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Measurement>(l)!).ToList();
        var bareTti = all.FirstOrDefault(m => m.Label == "bare" && m.Metric == "tti")?.Value;
        var labels = all.Select(m => m.Label).Where(l => l != "bare").Distinct().ToList();
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| measure | {string.Join(" | ", labels)} | budget | met ({string.Join(" / ", labels)}) |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| --- |{string.Concat(labels.Select(_ => " ---: |"))} --- | --- |");
        foreach (var key in all.Where(m => m.Label != "bare").Select(m => (m.Metric, m.Subject)).Distinct())
        {
            var values = labels.Select(l => all.LastOrDefault(m => m.Label == l && m.Metric == key.Metric && m.Subject == key.Subject)).ToList();
            var budget = values.Select(v => Budget(key.Metric, v, bareTti).Budget).FirstOrDefault(b => b.Length > 0) ?? "";
            var met = string.Join(" / ", values.Select(v => v is null ? "–" : Budget(key.Metric, v, bareTti).Met));
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {key.Metric} {key.Subject} | {string.Join(" | ", values.Select(v => v is null ? "–" : $"{v.Value.ToString(CultureInfo.InvariantCulture)} {v.Unit}"))} | {budget} | {met} |");
        }
        foreach (var bare in all.Where(m => m.Label == "bare"))
            sb.AppendLine(CultureInfo.InvariantCulture, $"| bare Blazor page: {bare.Metric} {bare.Subject} | {bare.Value.ToString(CultureInfo.InvariantCulture)} {bare.Unit} (baseline) |{string.Concat(labels.Skip(1).Select(_ => " |"))} | |");
        return sb.ToString();
    }

    private static (string Budget, string Met) Budget(string metric, Measurement? m, double? bareTti)
    {
        if (m is null) return ("", "");
        // A measure that timed out is written as -1: it missed its budget, whatever the comparison says.
        string Yes(bool ok) => m.Unit == "timeout" ? "**no** (timeout)" : ok ? "yes" : "**no**";
        return metric switch
        {
            "tti" => ($"< 1000 ms and < 2× bare ({(bareTti is { } b ? (2 * b).ToString("F0", CultureInfo.InvariantCulture) : "?")} ms)",
                Yes(m.Value < 1000 && (bareTti is null || m.Value < 2 * bareTti))),
            "click-grid" => ("< 150 ms", Yes(m.Value < 150)),
            "ledger-xlsx" => ("< 5000 ms", Yes(m.Value < 5000)),
            "ledger-xlsx-memory" => ("flat", ""),
            "memory-per-circuit" => ("≤ 600 KB", Yes(m.Value <= 600)),
            "reminder-job" => ("< 30 s", Yes(m.Value < 30)),
            "writers-busy" => ("0", Yes(m.Value == 0)),
            "query-p95" => ("< 50 ms", Yes(m.Value < 50)),
            _ => ("", ""),
        };
    }
}
