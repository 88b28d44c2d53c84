using System.Globalization;
using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

public enum DurationUnit
{
    [Label("工作日")] WorkingDays,
    [Label("自然日")] CalendarDays,
}

/// <summary>A time limit as written in the files: <c>20wd</c> (working days) or <c>30d</c> (calendar days).</summary>
public readonly record struct Duration(int Value, DurationUnit Unit) : IYamlScalar<Duration>, IComparable<Duration>
{
    public static string Pattern => "^[0-9]+(wd|d)$";

    public static Duration WorkingDays(int value) => new(value, DurationUnit.WorkingDays);

    public static bool TryParse(string text, out Duration value, out string error)
    {
        value = default;
        error = $"'{text}' 不是时限，应写作 20wd（工作日）或 30d（自然日） (expected a duration like 20wd or 30d)";
        var unit = text.EndsWith("wd", StringComparison.Ordinal) ? DurationUnit.WorkingDays
            : text.EndsWith('d') ? DurationUnit.CalendarDays : (DurationUnit?)null;
        if (unit is null) return false;
        var digits = text[..^(unit == DurationUnit.WorkingDays ? 2 : 1)];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, CultureInfo.InvariantCulture, out var n)) return false;
        value = new Duration(n, unit.Value);
        return true;
    }

    public string ToYaml() => Value.ToString(CultureInfo.InvariantCulture) + (Unit == DurationUnit.WorkingDays ? "wd" : "d");

    /// <summary>Chinese reading, e.g. <c>20 工作日</c>.</summary>
    public override string ToString() => $"{Value} {(Unit == DurationUnit.WorkingDays ? "工作日" : "自然日")}";

    /// <summary>Working days count as 7/5 calendar days for comparing limits written in different units.</summary>
    public int CompareTo(Duration other) => ApproximateCalendarDays.CompareTo(other.ApproximateCalendarDays);

    private double ApproximateCalendarDays => Unit == DurationUnit.CalendarDays ? Value : Value * 7.0 / 5.0;

    public static bool operator >(Duration a, Duration b) => a.CompareTo(b) > 0;
    public static bool operator <(Duration a, Duration b) => a.CompareTo(b) < 0;
    public static bool operator >=(Duration a, Duration b) => a.CompareTo(b) >= 0;
    public static bool operator <=(Duration a, Duration b) => a.CompareTo(b) <= 0;
}
