using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Server.Documents;

/// <summary>
/// The data a template gets for a case (the model of templates/README.md), from the case state
/// and the definitions: office, implementing department, item, applicant, case clocks. Fields the
/// engine does not know yet (window, clerk, reasons…) stay absent, and templates render leniently.
/// </summary>
public static class CaseDocumentData
{
    private static readonly ConcurrentDictionary<string, (DateTime LoadedAt, DefinitionSet Set)> Definitions = new(StringComparer.Ordinal);

    /// <summary>The definitions beside a templates folder, read at most every few seconds.</summary>
    public static DefinitionSet DefinitionsBeside(string templatesRoot)
    {
        var root = Path.GetFullPath(Path.Combine(templatesRoot, "..", "definitions"));
        if (Definitions.TryGetValue(root, out var hit) && DateTime.UtcNow - hit.LoadedAt < TimeSpan.FromSeconds(5)) return hit.Set;
        var set = DefinitionLoader.Load(root, templatesRoot);
        Definitions[root] = (DateTime.UtcNow, set);
        return set;
    }

    public static JsonObject Build(CaseState state, DefinitionSet definitions, string templatesRoot, DateOnly today)
    {
        var item = definitions.Items.FirstOrDefault(i => i.Id == state.ItemId);
        var guide = item?.Guide;
        var office = definitions.Office;
        var department = definitions.Departments.FirstOrDefault(d => d.Id == guide?.Department);
        var (year, seq) = NumberParts(state.Number);
        var applicant = state.Applicant;
        var isPerson = applicant.Type == Workflows.Definitions.Model.ApplicantType.Person;
        var departmentSeal = department is null ? null : $"seals/{department.Id}.png";
        if (departmentSeal is not null && !File.Exists(Path.Combine(templatesRoot, "..", "definitions", departmentSeal))) departmentSeal = null;
        var data = new JsonObject
        {
            ["office"] = office is null ? null : new JsonObject
            {
                ["name"] = office.Name, ["shortName"] = office.ShortName, ["uscc"] = office.Uscc, ["address"] = office.Address,
                ["phone"] = office.Phone, ["hours"] = office.Hours, ["complaintPhone"] = office.ComplaintPhone, ["seal"] = office.Seal,
                ["acceptanceLimit"] = office.Clock?.AcceptanceLimit?.Value ?? 5,
            },
            ["department"] = department is null ? null : new JsonObject
            {
                ["id"] = department.Id, ["name"] = department.Name, ["shortName"] = department.ShortName, ["documentCode"] = null,
                ["uscc"] = department.Uscc, ["address"] = department.Address, ["phone"] = department.Phone, ["seal"] = departmentSeal,
            },
            ["applicant"] = new JsonObject
            {
                ["type"] = isPerson ? "person" : "organization", ["name"] = applicant.Name,
                ["idNumber"] = isPerson ? applicant.IdNumber : null, ["uscc"] = isPerson ? null : applicant.IdNumber,
                ["legalRepresentative"] = null, ["phone"] = applicant.Phone, ["address"] = null,
            },
            ["holder"] = new JsonObject
            {
                ["name"] = applicant.Name, ["idNumber"] = isPerson ? applicant.IdNumber : null, ["uscc"] = isPerson ? null : applicant.IdNumber,
            },
            ["item"] = new JsonObject
            {
                ["id"] = state.ItemId, ["name"] = guide?.Name ?? state.ItemId, ["license"] = guide?.Result.License ?? state.ItemId,
                ["statutoryLimit"] = guide?.Limits.Statutory.Value, ["promisedLimit"] = guide?.Limits.Promised.Value,
            },
            ["case"] = new JsonObject
            {
                ["number"] = state.Number, ["year"] = year, ["seq"] = seq,
                ["receivedAt"] = state.ReceivedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["acceptanceDueAt"] = Iso(state.Clocks.AcceptanceDue), ["acceptedAt"] = Iso(state.Clocks.AcceptedOn),
                ["promisedLimit"] = state.Clocks.PromisedLimit?.Value ?? guide?.Limits.Promised.Value, ["dueAt"] = Iso(state.Clocks.PromisedDue),
                ["completedAt"] = state.ClosedAt is { } closed ? Iso(DateOnly.FromDateTime(closed.ToOffset(TimeSpan.FromHours(8)).DateTime)) : null,
            },
            ["certificate"] = new JsonObject { ["name"] = guide?.Result.Name, ["number"] = state.Number },
            ["form"] = state.FormData.DeepClone(),
            ["issuedAt"] = Iso(today),
            ["verifyUrl"] = null,
        };
        // Form fields named like the certificate's (plateNumber, model…) fill it in.
        var certificate = (JsonObject)data["certificate"]!;
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

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The year and sequence of a case number such as 桃山-2026-000118 (for document numbers), else nulls.</summary>
    public static (int? Year, int? Seq) NumberParts(string number)
    {
        var digits = number.Split('-', '_', '/').Where(p => p.Length > 0 && p.All(char.IsAsciiDigit)).ToList();
        if (digits.Count < 2) return (null, null);
        return (int.Parse(digits[^2], CultureInfo.InvariantCulture), int.Parse(digits[^1], CultureInfo.InvariantCulture));
    }
}
