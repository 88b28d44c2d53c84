using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Domain;

namespace Workflows.Definitions.Validation;

/// <summary>Calendar files are consistent and cover the years cases are counted in.</summary>
public static class CalendarRules
{
    public static void Check(ValidationContext context)
    {
        var set = context.Set;
        foreach (var calendar in set.Calendars.Where(c => !context.IsBroken(c))) CheckFile(context, calendar);
        foreach (var duplicate in set.Calendars.GroupBy(c => c.Year).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            context.Error(DiagnosticCodes.DuplicateId, duplicate, "Year", $"{duplicate.Year} 年的工作日历重复 (duplicate calendar year)");

        var years = set.Calendars.Select(c => c.Year).ToHashSet();
        var at = SourceLocation.StartOf(Path.Combine(FolderOf(context), "calendars"));
        if (!years.Contains(context.Today.Year))
            context.Diagnostics.Error(DiagnosticCodes.CalendarMissing, at,
                $"缺少 {context.Today.Year} 年的工作日历 calendars/{context.Today.Year}.yaml，无法按工作日计算时限 (no calendar for the current year)");
        else if (context.Today.Month >= 11 && !years.Contains(context.Today.Year + 1))
            context.Diagnostics.Warning(DiagnosticCodes.CalendarMissing, at,
                $"尚无 {context.Today.Year + 1} 年的工作日历：国务院每年 11 月前后公布次年节假日安排，公布后请添加 calendars/{context.Today.Year + 1}.yaml；在此之前跨年的时限按法定节假日推算并标为暂定 (next year's calendar is missing: dates are provisional)");
    }

    /// <summary>
    /// One calendar file's text checked alone, with the same rules as the whole set (the designer's
    /// calendar screen): the diagnostics, located in <paramref name="path"/>, and the model when it reads.
    /// </summary>
    public static (CalendarFile? Calendar, DiagnosticBag Diagnostics) CheckDraft(string path, string text, DateOnly today)
    {
        var set = new DefinitionSet();
        var calendar = DefinitionFile.Parse(FileKind.Calendar, text, path, set.Sources, set.Diagnostics) as CalendarFile;
        if (calendar is not null) set.Calendars.Add(calendar);
        var context = new ValidationContext(set, today);
        if (calendar is not null && !context.IsBroken(calendar)) CheckFile(context, calendar);
        return (context.IsBroken(calendar) ? null : calendar, set.Diagnostics);
    }

    /// <summary>The working calendar the engine and scripts count with.</summary>
    public static WorkingCalendar Build(IEnumerable<CalendarFile> calendars) =>
        new(calendars.Select(c => new CalendarYear(
            c.Year,
            c.Holidays.SelectMany(h => Days(h.From, h.To)).ToHashSet(),
            c.MakeUpWorkdays.Select(m => m.Date).ToHashSet())));

    /// <summary>
    /// One year's schedule as the State Council publishes it: holidays and make-up workdays inside
    /// the year (元旦 may start in the last week of December, with its make-up day), a make-up day
    /// only on a weekend (a weekday is a working day anyway: a typo for another date), no day twice.
    /// </summary>
    private static void CheckFile(ValidationContext context, CalendarFile calendar)
    {
        var file = context.At(calendar).File;
        var nameYear = Path.GetFileNameWithoutExtension(file);
        if (nameYear != calendar.Year.ToString())
            context.Error(DiagnosticCodes.CalendarInconsistent, calendar, "Year", $"文件名应与年份一致：{calendar.Year}.yaml (file name must be the year)");
        var holidayDays = new HashSet<DateOnly>();
        foreach (var holiday in calendar.Holidays)
        {
            if (holiday.To < holiday.From)
                context.Error(DiagnosticCodes.CalendarInconsistent, holiday, "To", $"{holiday.Name}：结束日期早于开始日期 (to is before from)");
            else if (!InsideYear(calendar.Year, holiday.From))
                context.Error(DiagnosticCodes.CalendarInconsistent, holiday, "From", $"{holiday.Name} 的开始日期 {holiday.From:yyyy-MM-dd} 不在 {calendar.Year} 年内 (holiday outside the year)");
            else if (holiday.To.Year != calendar.Year)
                context.Error(DiagnosticCodes.CalendarInconsistent, holiday, "To", $"{holiday.Name} 的结束日期 {holiday.To:yyyy-MM-dd} 不在 {calendar.Year} 年内 (holiday outside the year)");
            var twice = Days(holiday.From, holiday.To).Where(day => !holidayDays.Add(day)).ToList();
            if (twice.Count > 0)
                context.Error(DiagnosticCodes.CalendarInconsistent, holiday, "From", $"{holiday.Name}：{twice[0]:yyyy-MM-dd} 已列在另一个假期中 (a day is listed twice)");
        }
        var makeUpDays = new HashSet<DateOnly>();
        foreach (var day in calendar.MakeUpWorkdays)
        {
            if (!makeUpDays.Add(day.Date))
                context.Error(DiagnosticCodes.CalendarInconsistent, day, "Date", $"{day.Date:yyyy-MM-dd} 重复列为调休上班日 (a make-up workday is listed twice)");
            else if (holidayDays.Contains(day.Date))
                context.Error(DiagnosticCodes.CalendarInconsistent, day, "Date", $"{day.Date:yyyy-MM-dd} 同时是节假日和调休上班日 (both a holiday and a make-up workday)");
            else if (day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                context.Error(DiagnosticCodes.CalendarInconsistent, day, "Date", $"{day.Date:yyyy-MM-dd} 是周{"日一二三四五六"[(int)day.Date.DayOfWeek]}，调休上班日只能是周六或周日 (a make-up workday must be a weekend day)");
            else if (!InsideYear(calendar.Year, day.Date))
                context.Error(DiagnosticCodes.CalendarInconsistent, day, "Date", $"{day.Date:yyyy-MM-dd} 不在 {calendar.Year} 年内 (make-up workday outside the year)");
        }
    }

    /// <summary>Inside the year, or in the last week of the year before (a 元旦 holiday may start there).</summary>
    private static bool InsideYear(int year, DateOnly day) =>
        day.Year == year || (day.Year == year - 1 && day.Month == 12 && day.Day >= 25);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1)) yield return day;
    }

    private static string FolderOf(ValidationContext context) =>
        context.Set.Office is { } office ? Path.GetDirectoryName(context.At(office).File) ?? "." : ".";
}
