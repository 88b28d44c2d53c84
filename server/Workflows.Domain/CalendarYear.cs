namespace Workflows.Domain;

/// <summary>
/// One year's official schedule (calendars/&lt;year&gt;.yaml): the statutory holidays and the
/// weekend days declared working days in exchange (调休上班).
/// </summary>
public sealed record CalendarYear(int Year, IReadOnlyCollection<DateOnly> Holidays, IReadOnlyCollection<DateOnly> MakeUpWorkdays);
