namespace Workflows.Storage.Tests;

/// <summary>Builders for the suite's cases, events and timers.</summary>
internal static class Cases
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 15, TimeSpan.FromHours(8));

    public static CaseIndex Index(string status = "received", string? department = "市场监管局",
        string? applicantName = "张三", string? applicantId = "110101199003071234", DateOnly? due = null) =>
        new(status, department, applicantName, applicantId, due ?? new DateOnly(2026, 3, 20));

    public static NewEvent Event(string type, int n = 1, DateTimeOffset? at = null) =>
        new(type, $$"""{"申请人":"张三","n":{{n}},"备注":"材料齐全"}""", at ?? T0.AddMinutes(n));

    public static CaseChange Change(CaseIndex? index = null, params string[] eventTypes)
    {
        var types = eventTypes.Length == 0 ? ["case.updated"] : eventTypes;
        var events = types.Select((type, i) => Event(type, i + 1)).ToList();
        var snapshot = new CaseSnapshot($$"""{"status":"{{(index ?? Index()).Status}}","events":{{events.Count}}}""", index ?? Index());
        return new CaseChange(events, snapshot);
    }

    public static NewCase New(string office = "桃山", int year = 2026, CaseIndex? index = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), office, year, Change(index, "case.received", "case.accepted"));

    public static IdempotencyKey Key(string key, string request = "POST /cases/x/commands/accept {}") =>
        IdempotencyKey.ForRequest(key, request);
}
