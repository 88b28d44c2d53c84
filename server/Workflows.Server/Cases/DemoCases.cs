using System.Text;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;
using Workflows.Domain;
using Workflows.Engine.Commands;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>
/// The cases a demo server starts with (<c>--demo</c>, empty store only): four per sample item,
/// received over the last weeks and left in every state a county office sees: waiting for the
/// acceptance decision, 补正, at each task (some near or past their due day), 挂起, ready for
/// 统一出件, closed with a rating (a bad one with its 整改 open), refused and withdrawn. Each
/// command runs through <see cref="CaseService"/> on a clock set back to its day, so events,
/// clocks and timers are exactly those of real work; the scheduler's sweep at start then raises
/// the warnings and overdue marks that fell due since.
/// </summary>
public static class DemoCases
{
    private enum Stage { Received, Supplementing, FirstTask, Claimed, SecondTask, Deferred, Suspended, ReadyToDeliver, Completed, BadRating, Refused, Withdrawn }

    private static readonly Stage[] Plan =
    [
        Stage.FirstTask, Stage.Received, Stage.Completed, Stage.SecondTask,
        Stage.Claimed, Stage.Supplementing, Stage.ReadyToDeliver, Stage.FirstTask,
        Stage.Deferred, Stage.Suspended, Stage.BadRating, Stage.Refused,
        Stage.FirstTask, Stage.Withdrawn, Stage.Completed, Stage.SecondTask,
    ];

    private static readonly string[] People = ["王秀英", "李建华", "张桂兰", "刘志强", "陈晓燕", "杨国庆", "赵丽娟", "黄海波", "周明", "吴玉梅", "孙立军", "马春梅"];
    private static readonly string[] Organizations = ["七台河市桃山区启航教育咨询有限公司", "七台河市桃山区绿源农机专业合作社", "七台河市桃山区金鼎财务咨询有限公司",
        "七台河市桃山区星光娱乐有限公司", "七台河市桃山区安达化工商贸有限公司", "七台河市桃山区书画艺术协会"];
    private static readonly string[] PreferredOutcomes = ["pass", "grant", "approve", "approved", "agree", "qualified", "accept", "issue", "yes"];

    /// <summary>Seeds when the store holds no case yet; returns how many cases were made.</summary>
    public static async Task<int> SeedAsync(ICaseStore store, DefinitionVersions versions, string dataFolder, IClock realClock, ILogger logger, CancellationToken ct = default)
    {
        if ((await store.SearchAsync(new CaseQuery { Take = 1 }, ct)).Items.Count > 0) return 0;
        if (await versions.CurrentAsync(ct) is not { Snapshot: var snapshot }) return 0;
        var clock = new SettableClock(realClock.Now);
        var service = new CaseService(store, versions, dataFolder, clock);
        var today = ChinaTime.DateOf(realClock.Now);
        var items = snapshot.Set.Items.Where(i => i.Guide is not null && i.Workflow is not null).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var made = 0;
        var n = 0;
        foreach (var item in items)
        {
            for (var k = 0; k < 4; k++, n++)
            {
                var stage = Plan[n % Plan.Length];
                // Spread receipts over the last 1–13 working days: old open cases run late, new ones are fresh.
                var daysAgo = stage switch { Stage.Received => 1 + n % 3, Stage.Supplementing => 2, _ => 2 + (n * 5) % 12 };
                try
                {
                    if (await SeedOneAsync(service, clock, snapshot.Calendar, snapshot.Set, item, stage, n, today, daysAgo, ct)) made++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "演示办件 {Item}/{Stage} 未能生成 (demo case skipped)", item.Id, stage);
                }
            }
        }
        return made;
    }


    private static async Task<bool> SeedOneAsync(CaseService service, SettableClock clock, WorkingCalendar calendar, DefinitionSet set,
        ItemDefinition item, Stage stage, int n, DateOnly today, int daysAgo, CancellationToken ct)
    {
        var id = new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("demo-case:" + n)).AsSpan(0, 16));
        var day = calendar.AddWorkingDays(today, -daysAgo);
        var minute = 0;
        void At(DateOnly d) => clock.Now = new DateTimeOffset(d.ToDateTime(new TimeOnly(9, 0)).AddMinutes(37 * n % 180 + 11 * minute++), ChinaTime.Offset);
        DateOnly Next(DateOnly d) { var next = calendar.AddWorkingDays(d, 1); return next < today ? next : d; }

        var clerk = IntakeClerk(set, item);
        var deferrable = item.Materials.FirstOrDefault(m => m.Necessity == Necessity.Deferrable);
        var missing = stage switch
        {
            Stage.Supplementing => item.Materials.FirstOrDefault(m => m.Necessity == Necessity.Required),
            Stage.Deferred => deferrable,
            _ => null,
        };
        var materials = item.Materials.Select(m => new MaterialRecord(m.Id, m.Id == missing?.Id ? MaterialStatus.Missing : MaterialStatus.Received)).ToList();
        At(day);
        var received = await service.ExecuteAsync(id, new ReceiveMaterials("", "", ApplicantFor(item, n), FormFor(item, n), materials, clerk), "demo:" + n, item.Id, cancellationToken: ct);
        if (received is not CaseCommandResult.Ok ok) return false;
        var state = ok.State;

        async Task<bool> Run(CaseCommand command)
        {
            var result = await service.ExecuteAsync(id, command, cancellationToken: ct);
            if (result is CaseCommandResult.Ok done) { state = done.State; return true; }
            return false;
        }

        // 前台收件、后台受理: the department's acceptance step decides, not the window (DOMAIN §3).
        var acceptanceStep = AcceptanceSetUpRules.BackOfficeStep(item.Workflow!);
        CaseCommand ByDepartment(string outcome, string opinion, IReadOnlyList<MaterialDeficiency>? deficiencies = null)
        {
            var task = state.ActiveTasks.First(t => t.StepId == acceptanceStep!.Id);
            return new CompleteTask(ActorFor(task.Signers[0].Assignee), task.Id, outcome, opinion, deficiencies);
        }

        switch (stage)
        {
            case Stage.Received:
                return true;
            case Stage.Supplementing when missing is not null:
                MaterialDeficiency[] wanted = [new MaterialDeficiency(missing.Id, DeficiencyKind.Missing, "原件未带，请补交原件")];
                return await Run(acceptanceStep is null ? new RequestSupplement(clerk, wanted) : ByDepartment("supplement", "一次性告知补正", wanted));
            case Stage.Refused:
                return await Run(acceptanceStep is null
                    ? new Refuse(clerk, ["申请事项依法不属于本行政机关职权范围"], "七台河市市场监督管理局")
                    : ByDepartment("refuse", "申请事项依法不属于本行政机关职权范围"));
        }

        if (acceptanceStep is not null)
            await Run(ByDepartment("accept", "材料齐全、符合法定形式"));
        else if (stage == Stage.Deferred && deferrable is not null)
            await Run(new AcceptWithDeferral(clerk, [deferrable.Id], null, PledgeSigned: true));
        else
            await Run(new Accept(clerk));
        if (state.Status != CaseStatus.InProgress) return true;

        var tasksToFinish = stage switch
        {
            Stage.SecondTask => 1,
            Stage.ReadyToDeliver or Stage.Completed or Stage.BadRating => 20,
            _ => 0,
        };
        for (var i = 0; i < tasksToFinish && !state.IsClosed; i++)
        {
            var task = state.ActiveTasks.FirstOrDefault();
            if (task is null) break;
            if (stage == Stage.ReadyToDeliver && task.Signers[0].Assignee.Window is not null) break;
            day = Next(day);
            At(day);
            var step = item.Workflow!.Steps.First(s => s.Id == task.StepId);
            var outcome = step.Outcomes.Count == 0 ? null : PreferredOutcomes.FirstOrDefault(step.Outcomes.ContainsKey) ?? step.Outcomes.Keys.First();
            var command = new CompleteTask(ActorFor(task.Signers[0].Assignee), task.Id, outcome, Opinion(outcome))
            {
                Delivery = task.Signers[0].Assignee.Window is not null ? new ResultDelivery(Delivery.Window, Recipient: state.Applicant.Name) : null,
            };
            if (!await Run(command)) break;
        }

        At(day);
        switch (stage)
        {
            case Stage.Claimed when state.ActiveTasks.FirstOrDefault() is { } task:
                await Run(new Claim(ActorFor(task.Signers[0].Assignee), task.Id));
                break;
            case Stage.Suspended:
                await Run(new Suspend(new Actor($"{item.Guide!.Department}-head", item.Guide.Department, "head"), "申请人申请现场核查时间延后",
                    Approver: $"{item.Guide.Department}-head", Basis: "《中华人民共和国行政许可法》第四十五条"));
                break;
            case Stage.Withdrawn:
                await Run(new Withdraw(clerk, "申请人书面申请撤回"));
                break;
            case Stage.Completed when state.IsClosed:
                await Run(new Evaluate(n % 2 == 0 ? EvaluationLevel.VerySatisfied : EvaluationLevel.Satisfied, "办事效率高，窗口服务热情", state.Applicant.Name));
                break;
            case Stage.BadRating when state.IsClosed:
                await Run(new Evaluate(EvaluationLevel.Dissatisfied, "现场排队时间较长", state.Applicant.Name));
                break;
        }
        return true;
    }

    private static string Opinion(string? outcome) => outcome switch
    {
        "grant" => "经审查，符合法定条件，准予许可",
        "pass" => "材料齐全，符合要求，同意",
        null => "已办理",
        _ => "同意",
    };

    private static Actor IntakeClerk(DefinitionSet set, ItemDefinition item)
    {
        var intake = item.Workflow!.Steps.FirstOrDefault(s => s.Kind == StepKind.Intake);
        var window = intake?.By?.Window ?? set.Windows.FirstOrDefault(w => w.Departments.Contains(item.Guide!.Department))?.Id ?? set.Windows[0].Id;
        return new Actor("clerk-" + window, Window: window, Role: "clerk");
    }

    /// <summary>The demo account that fits a task's assignee (accounts of <see cref="Auth.DemoAccounts"/>).</summary>
    private static Actor ActorFor(TaskAssignee assignee) =>
        assignee.Window is { } window
            ? new Actor("clerk-" + window, Window: window, Role: "clerk")
            : new Actor($"{assignee.Department}-{assignee.Role ?? "reviewer"}", assignee.Department, assignee.Role ?? "reviewer");

    private static Applicant ApplicantFor(ItemDefinition item, int n)
    {
        var types = item.Form?.ApplicantTypes ?? [];
        var organization = types.Count > 0 && (types[0] == ApplicantType.Organization || (types.Count > 1 && n % 2 == 1));
        if (organization)
        {
            var first17 = $"9123090{3 + n % 5}MA1C{(n * 7919 % 100000):D5}".ToUpperInvariant();
            return new Applicant(ApplicantType.Organization, Organizations[n % Organizations.Length], first17 + Uscc.ComputeCheckCharacter(first17), "0464-82" + (60000 + n * 37 % 9999).ToString("D5")[..5]);
        }
        return new Applicant(ApplicantType.Person, People[n % People.Length], PersonId(n), "139" + (46410000 + n * 7919 % 9999999).ToString("D8"));
    }

    private static string PersonId(int n)
    {
        var birth = new DateOnly(1960 + n * 7 % 40, 1 + n % 12, 1 + n * 3 % 28);
        var first = $"230903{birth:yyyyMMdd}{(100 + n * 13 % 899):D3}";
        return first + ResidentId.ComputeCheckCharacter(first);
    }

    /// <summary>Plausible values for every field, so branch conditions and checks have something to read.</summary>
    private static JsonObject FormFor(ItemDefinition item, int n)
    {
        var form = new JsonObject();
        foreach (var field in item.Form?.Fields ?? []) form[field.Id] = ValueFor(field, n);
        return form;
    }

    private static JsonNode? ValueFor(Field field, int n) => field.Type switch
    {
        FieldType.Number => JsonValue.Create(Math.Min(field.Max ?? decimal.MaxValue, Math.Max(field.Min ?? 1, 1 + n % 5))),
        FieldType.Date => "2026-03-02",
        FieldType.Select => field.Options.Count == 0 ? null : field.Options[n % field.Options.Count].Value,
        FieldType.MultiSelect => new JsonArray(field.Options.Take(1).Select(o => (JsonNode)o.Value).ToArray()),
        FieldType.Boolean => n % 3 == 0,
        FieldType.Idcard => PersonId(n),
        FieldType.Uscc => "91230903MA1C2D3E4" + Uscc.ComputeCheckCharacter("91230903MA1C2D3E4"),
        FieldType.Phone => "13945678901",
        FieldType.Address => "黑龙江省七台河市桃山区桃北街" + (10 + n) + "号",
        FieldType.Table => new JsonArray(Enumerable.Range(0, Math.Max(field.MinRows ?? 0, 1))
            .Select(_ => (JsonNode)new JsonObject(field.Columns.Select(c => KeyValuePair.Create(c.Id, ValueFor(c, n))))).ToArray()),
        _ => field.MaxLength is { } max && max < 8 ? "桃山"[..Math.Min(2, max)] : "桃山区演示内容",
    };

    private sealed class SettableClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset Now { get; set; } = now;
    }
}
