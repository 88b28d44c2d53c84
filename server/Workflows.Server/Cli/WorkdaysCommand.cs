using System.CommandLine;
using System.Globalization;
using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Validation;

namespace Workflows.Server.Cli;

/// <summary><c>workflows workdays DATE N</c>: the date N working days after DATE, from the calendar files.</summary>
public static class WorkdaysCommand
{
    public static Command Create()
    {
        var date = new Argument<string>("DATE") { Description = "起算日期，如 2026-02-13 (start date)" };
        var count = new Argument<int>("N") { Description = "工作日数（负数向前推） (working days; negative counts back)" };
        var definitions = new Option<string>("--definitions") { Description = "定义目录 (definitions folder)", DefaultValueFactory = _ => "definitions" };
        var command = new Command("workdays", "按工作日历推算日期 (add working days)") { date, count, definitions };
        command.SetAction(result =>
        {
            if (!DateOnly.TryParseExact(result.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                return CliApp.Fail($"'{result.GetValue(date)}' 不是日期，格式为 2026-02-13 (expected yyyy-MM-dd)");
            var diagnostics = new DiagnosticBag();
            var calendars = DefinitionLoader.LoadCalendars(result.GetValue(definitions)!, new Definitions.Mapping.SourceMap(), diagnostics);
            foreach (var d in diagnostics.Sorted().Where(d => d.IsError)) Console.Error.WriteLine(d);
            if (diagnostics.HasErrors) return CliApp.Failed;
            var calendar = CalendarRules.Build(calendars);
            var due = calendar.AddWorkingDays(start, result.GetValue(count));
            var provisional = calendar.IsProvisional(start, due);
            for (var year = Math.Min(start.Year, due.Year); year <= Math.Max(start.Year, due.Year); year++)
                if (!calendar.Covers(new DateOnly(year, 1, 1)))
                    Console.Error.WriteLine($"warning: 没有 {year} 年的工作日历，该年按法定节假日（不含调休）推算，结果为暂定 (no calendar for {year}: statutory holidays counted, the date is provisional)");
            // The date stays alone on stdout for scripts; the provisional mark follows it on the same line.
            Console.WriteLine(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (provisional ? " （暂定 provisional）" : ""));
            return CliApp.Ok;
        });
        return command;
    }
}
