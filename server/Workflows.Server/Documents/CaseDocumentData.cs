using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Engine.Queries;
using Workflows.Engine.State;

namespace Workflows.Server.Documents;

/// <summary>What a document is being built for: the case, the definitions it is pinned to, and who is who.</summary>
/// <param name="TemplateId">The template (<c>notices/supplement</c>): decides which materials the notice lists.</param>
/// <param name="DefinitionsRoot">The definitions folder (seal images are relative to it).</param>
/// <param name="Calendar">The working calendar of the case's definitions; without it day counts and deadlines stay null.</param>
/// <param name="NameOf">A user id to the person's name (the account's display name); null keeps the id.</param>
public sealed record DocumentRequest(
    string TemplateId,
    CaseState State,
    DefinitionSet Definitions,
    string DefinitionsRoot,
    DateOnly Today,
    WorkingCalendar? Calendar = null,
    Func<string, string?>? NameOf = null)
{
    /// <summary>The document number's year and sequence when the issuing department numbers it (<c>桃水许准〔2026〕12号</c>); null: the case's.</summary>
    public (int Year, long Seq)? DocumentNumber { get; init; }

    /// <summary>Documents of the deciding department (signed with its seal and numbered with its 机关代字) rather than the window's.</summary>
    public bool ByDepartment { get; init; }
}

/// <summary>
/// The data a template gets for a case (the model of templates/README.md), from the case state and
/// the definitions the case is pinned to: office, implementing department with its 机关代字 and seal,
/// item, applicant, the intake window and the staff member, dates and clocks, the materials the
/// notice is about (received, deferred or to supplement), reasons, appeal bodies, decision and delivery.
/// Every documented field is present, null when the case has no value for it.
/// </summary>
public static class CaseDocumentData
{
    private static readonly ConcurrentDictionary<string, (DateTime LoadedAt, DefinitionSet Set)> Definitions = new(StringComparer.Ordinal);

    /// <summary>The definitions beside a templates folder, read at most every few seconds (tools without a pinned version).</summary>
    public static DefinitionSet DefinitionsBeside(string templatesRoot)
    {
        var root = Path.GetFullPath(Path.Combine(templatesRoot, "..", "definitions"));
        if (Definitions.TryGetValue(root, out var hit) && DateTime.UtcNow - hit.LoadedAt < TimeSpan.FromSeconds(5)) return hit.Set;
        var set = DefinitionLoader.Load(root, templatesRoot);
        Definitions[root] = (DateTime.UtcNow, set);
        return set;
    }

    /// <summary>Kept for callers that have only the state: no calendar, no names.</summary>
    public static JsonObject Build(CaseState state, DefinitionSet definitions, string templatesRoot, DateOnly today) =>
        Build(new DocumentRequest("notices/acceptance", state, definitions, Path.GetFullPath(Path.Combine(templatesRoot, "..", "definitions")), today));

    public static JsonObject Build(DocumentRequest request)
    {
        var state = request.State;
        var definitions = request.Definitions;
        var item = definitions.Items.FirstOrDefault(i => i.Id == state.ItemId);
        var guide = item?.Guide;
        var office = definitions.Office;
        var department = definitions.Departments.FirstOrDefault(d => d.Id == guide?.Department);
        var (caseYear, caseSeq) = NumberParts(state.Number);
        var window = IntakeWindow(item, definitions);
        var kind = TemplateName(request.TemplateId);

        var data = new JsonObject
        {
            ["office"] = Office(office),
            ["department"] = Department(department, request.DefinitionsRoot),
            ["applicant"] = Applicant(state),
            ["holder"] = Holder(state),
            ["item"] = new JsonObject
            {
                ["id"] = state.ItemId, ["name"] = guide?.Name ?? state.ItemId, ["license"] = guide?.Result.License ?? state.ItemId,
                ["statutoryLimit"] = guide?.Limits.Statutory.Value, ["promisedLimit"] = guide?.Limits.Promised.Value,
            },
            ["case"] = Case(request, guide, caseYear, caseSeq, kind),
            ["document"] = new JsonObject
            {
                ["year"] = request.DocumentNumber?.Year ?? caseYear, ["seq"] = request.DocumentNumber?.Seq ?? caseSeq,
            },
            ["window"] = window is null ? null : new JsonObject
            {
                ["id"] = window.Id, ["name"] = window.Name, ["location"] = window.Location, ["phone"] = window.Phone ?? office?.Phone,
            },
            ["clerk"] = Clerk(request, kind, window, office, department),
            ["issuedAt"] = Iso(request.Today),
            ["verifyUrl"] = null,
            ["materials"] = Materials(request, item, kind),
            ["consequence"] = kind switch
            {
                "supplement" => office?.Notices?.SupplementConsequence,
                "deferral-acceptance" or "termination" => office?.Notices?.DeferralConsequence,
                _ => null,
            },
            ["deferral"] = new JsonObject
            {
                // The notice says a pledge was signed only if it was (DOMAIN §3).
                ["pledgeSigned"] = state.DeferralPledgeSigned == true,
                ["pledgedAt"] = state.DeferralPledgeSigned == true ? Iso(state.Clocks.AcceptedOn ?? state.Clocks.ReceivedOn) : null,
                ["basis"] = office?.Notices?.DeferralBasis,
                // 终止办理: the day the case ended (the grace period after the 催补 ran out, or the head decided).
                ["terminatedAt"] = Iso(state.Termination?.On),
                ["remindedAt"] = Iso(state.Materials.Values.Select(m => m.RemindedOn).Where(d => d is not null).Min()),
            },
            ["acceptance"] = AcceptanceNotices.Of(item, window, office, department),
            ["pledge"] = PledgeNotices.Pledge(state, guide, definitions),
            ["revocation"] = PledgeNotices.Revocation(state, guide),
            ["reasons"] = Strings(Reasons(state, kind)),
            ["competentBody"] = state.Refusal?.CompetentBody is { Length: > 0 } body
                ? new JsonObject { ["name"] = body, ["address"] = null, ["phone"] = null } : null,
            ["appeal"] = new JsonObject { ["reviewBody"] = office?.Appeal?.ReviewBody, ["court"] = office?.Appeal?.Court },
            ["basis"] = Strings(guide?.Basis.Select(b => $"《{b.Title.Trim('《', '》')}》{b.Article}") ?? []),
            ["procedures"] = Procedures(state, guide),
            ["decision"] = new JsonObject { ["content"] = DecisionContent(state, guide) },
            ["certificate"] = new JsonObject
            {
                ["name"] = guide?.Result.Name,
                ["typeCode"] = guide?.Result.TypeCode,
                ["number"] = Text(state.FormData["certificateNumber"]) ?? (request.TemplateId.StartsWith("certificates/", StringComparison.Ordinal) ? state.Number : null),
                ["identifier"] = null,
            },
            ["delivery"] = Delivery(state, guide, definitions),
            ["extension"] = state.Clocks.Extensions.Count == 0 ? null : new JsonObject
            {
                ["days"] = state.Clocks.Extensions[^1].WorkingDays, ["dueAt"] = Iso(state.Clocks.PromisedDue),
                ["approver"] = state.Clocks.Extensions[^1].Approver,
            },
            ["result"] = new JsonObject
            {
                ["outcome"] = Outcome(state, guide), ["name"] = state.Decision is CaseDecision.Denied or CaseDecision.Refused ? null : guide?.Result.Name,
                ["number"] = Text(state.FormData["certificateNumber"]),
            },
            ["evaluationUrl"] = null,
            ["form"] = state.FormData.DeepClone(),
        };
        // Form fields named like the certificate's (plateNumber, model…) fill it in.
        var certificate = (JsonObject)data["certificate"]!;
        // (typeCode is the item's, already set: a form field of that name cannot replace it.)
        foreach (var (key, value) in state.FormData)
            if (!certificate.ContainsKey(key)) certificate[key] = value?.DeepClone();
        return data;
    }

    /// <summary>
    /// Puts every field of the template's sample that the case data lacks in as null, so that the
    /// template sees "no value" (its {{#if}} skips it) rather than an unknown name.
    /// </summary>
    public static void AddMissingFields(JsonObject data, JsonObject sample)
    {
        foreach (var (key, value) in sample)
        {
            if (!data.TryGetPropertyValue(key, out var existing)) data[key] = null;
            else if (existing is JsonObject inner && value is JsonObject sampleInner) AddMissingFields(inner, sampleInner);
        }
    }

    /// <summary>The year and sequence of a case number such as 桃山-2026-000118 (for document numbers), else nulls.</summary>
    public static (int? Year, int? Seq) NumberParts(string number)
    {
        var digits = number.Split('-', '_', '/').Where(p => p.Length > 0 && p.All(char.IsAsciiDigit)).ToList();
        if (digits.Count < 2) return (null, null);
        return (int.Parse(digits[^2], CultureInfo.InvariantCulture), int.Parse(digits[^1], CultureInfo.InvariantCulture));
    }

    /// <summary>The seal of a department: its <c>seal</c> key, else <c>seals/&lt;id&gt;.png</c> when that file exists.</summary>
    public static string? SealOf(Department department, string definitionsRoot)
    {
        if (department.Seal is { Length: > 0 } seal) return seal;
        var guess = $"seals/{department.Id}.png";
        return File.Exists(Path.Combine(definitionsRoot, guess)) ? guess : null;
    }

    private static JsonObject? Office(Office? office) => office is null ? null : new JsonObject
    {
        ["name"] = office.Name, ["shortName"] = office.ShortName, ["uscc"] = office.Uscc, ["address"] = office.Address,
        ["phone"] = office.Phone, ["hours"] = office.Hours, ["complaintPhone"] = office.ComplaintPhone, ["seal"] = office.Seal,
        ["acceptanceLimit"] = office.Clock?.AcceptanceLimit?.Value ?? 5,
    };

    private static JsonObject? Department(Department? department, string definitionsRoot) => department is null ? null : new JsonObject
    {
        ["id"] = department.Id, ["name"] = department.Name, ["shortName"] = department.ShortName,
        // Without a 机关代字 the number still names the department rather than printing a blank.
        ["documentCode"] = department.DocumentCode ?? department.ShortName ?? department.Name,
        ["uscc"] = department.Uscc, ["address"] = department.Address, ["phone"] = department.Phone,
        ["seal"] = SealOf(department, definitionsRoot),
    };

    private static JsonObject Applicant(CaseState state)
    {
        var applicant = state.Applicant;
        var isPerson = applicant.Type == ApplicantType.Person;
        return new JsonObject
        {
            ["type"] = isPerson ? "person" : "organization", ["name"] = applicant.Name,
            // How a notice addresses the applicant: a person is 你, an organisation 你单位 (never "你（单位）").
            ["you"] = isPerson ? "你" : "你单位",
            ["idNumber"] = isPerson ? applicant.IdNumber : null, ["uscc"] = isPerson ? null : applicant.IdNumber,
            ["legalRepresentative"] = isPerson ? null : FormText(state, "legalRepresentative"),
            ["phone"] = applicant.Phone ?? FormText(state, "contactPhone", "phone"),
            // The form's own address field first (what the applicant wrote), else the card's 住址.
            ["address"] = FormText(state, "address", "residence", "ownerAddress", "officeAddress", "mailingAddress") ?? applicant.Address,
        };
    }

    private static JsonObject Holder(CaseState state)
    {
        var applicant = state.Applicant;
        var isPerson = applicant.Type == ApplicantType.Person;
        var gender = isPerson ? ResidentId.GenderOf(applicant.IdNumber) : null;
        return new JsonObject
        {
            ["name"] = applicant.Name, ["idNumber"] = isPerson ? applicant.IdNumber : null, ["uscc"] = isPerson ? null : applicant.IdNumber,
            ["gender"] = gender is null ? null : gender == Gender.Male ? "男" : "女",
            ["birthDate"] = isPerson ? Iso(ResidentId.BirthDate(applicant.IdNumber)) : null,
            ["legalRepresentative"] = isPerson ? null : FormText(state, "legalRepresentative"),
            ["address"] = FormText(state, "address", "ownerAddress", "residence", "officeAddress", "mailingAddress") ?? applicant.Address,
        };
    }

    private static JsonObject Case(DocumentRequest request, Guide? guide, int? year, int? seq, string kind)
    {
        var state = request.State;
        var clocks = state.Clocks;
        var calendar = request.Calendar;
        var today = request.Today;
        var closedOn = state.ClosedAt is { } closed ? ChinaTime.DateOf(closed) : (DateOnly?)null;
        int? elapsed = null, remaining = null;
        if (calendar is not null && clocks.AcceptedOn is { } accepted)
        {
            // Counted working days since acceptance: paused intervals (补正, 特别程序) do not count.
            var asOf = clocks.OpenPause is { } open && open.From < today ? open.From : closedOn ?? today;
            elapsed = Math.Max(0, calendar.WorkingDaysBetween(accepted, asOf) - clocks.PausedWorkingDays);
            if (clocks.PromisedDue is not null && !state.IsClosed)
                remaining = Math.Max(0, RemainingWorkingDays.Of(state, calendar, today).Promised ?? 0);
        }
        var dueAt = clocks.PromisedDue;
        // The extension notice tells the date the decision could not be made by: the due date before the last extension.
        if (kind == "extension" && calendar is not null && dueAt is { } moved && clocks.Extensions.Count > 0)
            dueAt = BackWorkingDays(calendar, moved, clocks.Extensions[^1].WorkingDays);
        return new JsonObject
        {
            ["number"] = state.Number, ["year"] = year, ["seq"] = seq,
            ["receivedAt"] = ChinaTime.Of(state.ReceivedAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["acceptanceDueAt"] = Iso(clocks.AcceptanceDue), ["acceptedAt"] = Iso(clocks.AcceptedOn),
            ["promisedLimit"] = clocks.PromisedLimit?.Value ?? guide?.Limits.Promised.Value,
            ["statutoryLimit"] = clocks.StatutoryLimit?.Value ?? guide?.Limits.Statutory.Value,
            // 即办件: handled on the spot (promised limit 0), so there is no due date to promise.
            ["immediate"] = guide?.HandlingType == HandlingType.Immediate || (clocks.PromisedLimit?.Value ?? guide?.Limits.Promised.Value) == 0,
            ["dueAt"] = Iso(dueAt), ["statutoryDueAt"] = Iso(clocks.StatutoryDue),
            // A completion notice made by the step that completes the case is dated today.
            ["completedAt"] = Iso(closedOn ?? (kind == "completion" ? today : null)),
            ["elapsed"] = elapsed, ["remaining"] = remaining,
        };
    }

    /// <summary>The engine's own arithmetic (the same calendar service), counted backwards.</summary>
    private static DateOnly BackWorkingDays(WorkingCalendar calendar, DateOnly from, int days) =>
        calendar.AddWorkingDays(from, -days);

    private static Window? IntakeWindow(ItemDefinition? item, DefinitionSet definitions)
    {
        var id = item?.Workflow?.Steps.FirstOrDefault(s => s.Kind == StepKind.Intake)?.By?.Window;
        return definitions.Windows.FirstOrDefault(w => w.Id == id);
    }

    /// <summary>
    /// The staff member a document names (收件人, 受理人, 经办人): who received, accepted, asked for the
    /// supplement, refused, decided or delivered, depending on the document; the window's telephone
    /// for window notices, the department's for the department's documents.
    /// </summary>
    private static JsonObject Clerk(DocumentRequest request, string kind, Window? window, Office? office, Department? department)
    {
        var state = request.State;
        var lastTask = state.Tasks.Where(t => t.CompletedBy is not null).OrderBy(t => t.ClosedAt).LastOrDefault();
        var decider = state.Tasks.Where(t => t.Outcome is "grant" or "deny" && t.CompletedBy is not null).OrderBy(t => t.ClosedAt).LastOrDefault()?.CompletedBy;
        var refuser = state.Tasks.Where(t => t.Outcome == "refuse" && t.CompletedBy is not null).OrderBy(t => t.ClosedAt).LastOrDefault()?.CompletedBy;
        var current = state.ActiveTasks.Select(t => t.ClaimedBy).FirstOrDefault(c => c is not null);
        var user = kind switch
        {
            "material-receipt" => state.ReceivedBy,
            "acceptance" or "deferral-acceptance" => state.AcceptedBy ?? state.ReceivedBy,
            "pledge" => state.Pledge?.ChosenBy ?? state.ReceivedBy,
            "revocation" => state.Revocation?.By ?? lastTask?.CompletedBy,
            "supplement" => (state.OpenSupplement ?? state.SupplementHistory.LastOrDefault())?.RequestedBy ?? state.ReceivedBy,
            "refusal" => state.Refusal?.RefusedBy ?? refuser ?? state.ReceivedBy,
            "approval-decision" or "denial-decision" => decider ?? lastTask?.CompletedBy,
            "special-procedure" => state.ActiveSuspension?.By ?? current ?? lastTask?.CompletedBy,
            "extension" => current ?? lastTask?.CompletedBy,
            // Terminated by the head, or by the deferral clock: then the department's phone and no name.
            "termination" => state.Termination?.By is { } by && !by.StartsWith("system:", StringComparison.Ordinal) ? by : null,
            "completion" => state.Delivery?.By ?? lastTask?.CompletedBy ?? state.ReceivedBy,
            _ => request.ByDepartment ? decider ?? lastTask?.CompletedBy : state.ReceivedBy,
        };
        // A department's document names its own staff: failing a user, the head who approved the extension
        // or the suspension; a window notice falls back to the clerk who received the materials.
        var name = user is not null ? request.NameOf?.Invoke(user) ?? user
            : request.ByDepartment ? (kind == "extension" ? state.Clocks.Extensions.LastOrDefault()?.Approver : null) ?? state.ActiveSuspension?.Approver
            : state.ReceivedBy is { } receiver ? request.NameOf?.Invoke(receiver) ?? receiver : null;
        var phone = request.ByDepartment ? department?.Phone ?? office?.Phone : window?.Phone ?? office?.Phone;
        return new JsonObject { ["name"] = name, ["phone"] = phone };
    }

    /// <summary>
    /// The materials the notice is about: the deferred ones (容缺受理), the ones to add or fix
    /// (一次性告知, with the reason and a deadline), otherwise the ones received (材料接收凭证).
    /// </summary>
    private static JsonArray Materials(DocumentRequest request, ItemDefinition? item, string kind)
    {
        var state = request.State;
        var checklist = item?.Materials ?? [];
        JsonObject Line(string id, string? reason, DateOnly? deadline)
        {
            var material = checklist.FirstOrDefault(m => m.Id == id);
            return new JsonObject
            {
                ["id"] = id, ["name"] = material?.Name ?? id,
                ["kind"] = material is null ? null : LabelOf(material.Kind), ["copies"] = material?.Copies ?? 1,
                ["form"] = material is null ? null : LabelOf(material.Form), ["standard"] = material?.Standard,
                ["reason"] = reason, ["deadline"] = Iso(deadline),
            };
        }
        int Order(string id) { var i = checklist.FindIndex(m => m.Id == id); return i < 0 ? int.MaxValue : i; }

        var lines = new JsonArray();
        switch (kind)
        {
            case "deferral-acceptance":
                foreach (var record in state.Materials.Values.Where(m => m.Status == MaterialStatus.Deferred).OrderBy(m => Order(m.MaterialId)))
                    lines.Add(Line(record.MaterialId, null, record.CatchUpDue));
                break;
            case "pledge":
                foreach (var id in state.Pledge?.MaterialIds ?? []) lines.Add(Line(id, null, null));
                break;
            case "termination":
                // The deferred materials that never came, with the catch-up date the applicant pledged.
                foreach (var id in (state.Termination?.MaterialIds ?? []).OrderBy(Order))
                    lines.Add(Line(id, "逾期未补交", state.Materials.TryGetValue(id, out var record) ? record.CatchUpDue : null));
                break;
            case "supplement":
                var notice = state.OpenSupplement ?? state.SupplementHistory.LastOrDefault();
                if (notice is null) break;
                var limit = request.Definitions.Office?.Notices?.SupplementLimit?.Value ?? 10;
                DateOnly? deadline = request.Calendar is { } calendar && calendar.Covers(notice.RequestedOn)
                    ? calendar.AddWorkingDays(notice.RequestedOn, limit) : null;
                foreach (var deficiency in notice.Deficiencies.OrderBy(d => Order(d.MaterialId)))
                    lines.Add(Line(deficiency.MaterialId, deficiency.Note ?? (deficiency.Kind == DeficiencyKind.Missing ? "未提交该材料" : "材料不符合要求"), deadline));
                break;
            default:
                foreach (var record in state.Materials.Values.Where(m => m.Status == MaterialStatus.Received).OrderBy(m => Order(m.MaterialId)))
                    lines.Add(Line(record.MaterialId, null, null));
                break;
        }
        return lines;
    }

    private static IEnumerable<string> Reasons(CaseState state, string kind)
    {
        static IEnumerable<string> Lines(string? text) =>
            (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var deny = state.Tasks.Where(t => t.Outcome == "deny").OrderBy(t => t.ClosedAt).LastOrDefault();
        var refuse = state.Tasks.Where(t => t.Outcome == "refuse").OrderBy(t => t.ClosedAt).LastOrDefault();
        return kind switch
        {
            "refusal" => state.Refusal?.Reasons ?? Lines(refuse?.Opinion),
            "denial-decision" => Lines(deny?.Opinion),
            "extension" => state.Clocks.Extensions.Count > 0 ? Lines(state.Clocks.Extensions[^1].Reason) : [],
            "revocation" => state.Revocation?.Reasons ?? [],
            "termination" => state.Termination?.Reasons ?? [],
            _ => state.Refusal?.Reasons ?? Lines(deny?.Opinion ?? refuse?.Opinion),
        };
    }

    /// <summary>
    /// 特别程序: the procedure a workflow step runs now (or ran last) with its own legal basis and
    /// announced duration; else the one the case is suspended for; else every one the guide lists.
    /// </summary>
    private static JsonArray Procedures(CaseState state, Guide? guide)
    {
        if ((state.ActiveProcedure ?? state.ProcedureHistory.LastOrDefault()) is { } run)
        {
            return new JsonArray(new JsonObject
            {
                ["kind"] = LabelOf(run.Kind), ["name"] = run.Name, ["reason"] = null, ["basis"] = run.Basis,
                ["duration"] = run.Announced.Value, ["unit"] = run.Announced.Unit == DurationUnit.WorkingDays ? "working-days" : "calendar-days",
                ["startedAt"] = Iso(run.StartedOn), ["endsBy"] = Iso(run.AnnouncedEnd), ["arrangement"] = null,
            });
        }
        var listed = guide?.ExcludedProcedures ?? [];
        var active = state.ActiveSuspension ?? null;
        var chosen = active?.Procedure is { } procedure ? listed.Where(p => p.Kind == procedure).ToList() : [];
        if (chosen.Count == 0) chosen = listed;
        return new JsonArray(chosen.Select(p => (JsonNode)new JsonObject
        {
            ["kind"] = LabelOf(p.Kind), ["name"] = p.Name,
            ["reason"] = active?.Procedure == p.Kind ? active.Reason : null, ["basis"] = active?.Procedure == p.Kind ? active.Basis : null,
            ["duration"] = p.Max?.Value, ["unit"] = p.Max?.Unit == DurationUnit.CalendarDays ? "calendar-days" : "working-days",
            ["startedAt"] = null, ["endsBy"] = null, ["arrangement"] = null,
        }).ToArray());
    }

    private static string? DecisionContent(CaseState state, Guide? guide)
    {
        var grant = state.Tasks.Where(t => t.Outcome == "grant").OrderBy(t => t.ClosedAt).LastOrDefault();
        if (grant?.Opinion is { Length: > 0 } opinion) return opinion;
        return guide is null ? null : $"准予{state.Applicant.Name}{guide.Name}。";
    }

    private static JsonObject Delivery(CaseState state, Guide? guide, DefinitionSet definitions)
    {
        var method = state.Delivery?.Method ?? guide?.Result.Delivery.FirstOrDefault() ?? Workflows.Definitions.Model.Delivery.Window;
        var issuance = definitions.Windows.FirstOrDefault(w => w.Kind == WindowKind.Issuance);
        return new JsonObject
        {
            ["method"] = LabelOf(method),
            ["location"] = method == Workflows.Definitions.Model.Delivery.Window && issuance is not null
                ? issuance.Location is { Length: > 0 } where ? $"{issuance.Name}，{where}" : issuance.Name : null,
            ["trackingNumber"] = state.Delivery?.TrackingNumber,
            ["note"] = state.Delivery?.TrackingNumber is { Length: > 0 } tracking ? $"邮件号：{tracking}。" : null,
        };
    }

    private static string Outcome(CaseState state, Guide? guide)
    {
        var licensing = guide?.Type == ItemType.Licensing;
        if (state.WithdrawalReason is not null) return "申请人撤回申请";
        return state.Decision switch
        {
            CaseDecision.Denied => licensing ? "不予行政许可" : "不予办理",
            CaseDecision.Refused => "不予受理",
            CaseDecision.Revoked => licensing ? "撤销行政许可" : "撤销办理决定",
            _ => licensing ? "准予行政许可" : "准予办理",
        };
    }

    private static string TemplateName(string templateId) => templateId[(templateId.LastIndexOf('/') + 1)..];

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static string? FormText(CaseState state, params string[] keys)
    {
        foreach (var key in keys)
            if (Text(state.FormData[key]) is { Length: > 0 } value) return value;
        return null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly ConcurrentDictionary<Enum, string> Labels = new();

    /// <summary>The Chinese label of a definition code (<c>original-and-copy</c> → 原件和复印件).</summary>
    public static string LabelOf(Enum value) => Labels.GetOrAdd(value, v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<LabelAttribute>()?.Text ?? v.ToString());
}
