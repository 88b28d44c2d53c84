using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Json;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;
using Workflows.Server.Hosting;

namespace Workflows.Server.Designer;

/// <summary>
/// A definition diagnostic as the designer shows it: the file relative to the county repository
/// (<c>definitions/items/x/form.yaml</c>) and, in an item file, the element it falls in (a workflow
/// step, a material, a form field), so an editor can mark the node or row as well as the line.
/// </summary>
[Api.DefinitionShaped]
public sealed record DesignerDiagnostic([property: System.ComponentModel.DataAnnotations.AllowedValues("error", "warning")] string Severity, string Code, string File, int Line, int Column, string Message)
{
    /// <summary><c>step</c>, <c>material</c> or <c>field</c> (a calendar: <c>holiday</c>, <c>make-up-workday</c>); null when the line is outside any.</summary>
    public string? Element { get; init; }

    /// <summary>The id of that step, material or field.</summary>
    public string? ElementId { get; init; }

    [System.Text.Json.Serialization.JsonIgnore] public bool IsError => Severity == "error";
}

/// <summary>One file of the work tree as the designer edits it: its text, its ETag (hash of the bytes) and, for YAML, its parsed model.</summary>
public sealed record DesignerFile(string Path, string Text, string ETag, object? Model);

/// <summary>A draft turned into the text that would be saved, or why it cannot be.</summary>
public sealed record DraftText(string? Text, string? Error);

/// <summary>
/// The designer's view of the county work tree: reading item files with ETags, turning drafts
/// (model JSON or raw text) into canonical text through the same writer as <c>workflows fmt</c>,
/// validating drafts with the server's validator, and saving. Saves and publishes are serialised
/// by <see cref="Gate"/> (one node; a cluster edits through one designer node, see the README).
/// </summary>
public sealed class DesignerWorkspace(CountyRepository repository)
{
    public static readonly IReadOnlyList<string> ItemFileNames = ["guide", "materials", "form", "workflow"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public CountyRepository Repository { get; } = repository;

    /// <summary>Held while a save, a catalogue change or a publish reads-checks-writes the work tree.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IResult> _answers = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs a POST that changes things at most once per <c>Idempotency-Key</c> (per user): a retry gets the first successful answer.
    /// Kept in memory (a restart forgets them; the operations re-check their own preconditions, so a late retry gets a 409, not a duplicate).
    /// </summary>
    public async Task<IResult> OnceAsync(HttpContext context, string user, Func<Task<IResult>> operation)
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0) return await operation();
        var slot = user + "\n" + context.Request.Path + "\n" + key;
        if (_answers.TryGetValue(slot, out var earlier)) return earlier;
        var answer = await operation();
        // Only a success is replayed: after a refusal (errors, a conflict) the client fixes things and may retry with the same key.
        if (answer is not Microsoft.AspNetCore.Http.IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }) return answer;
        if (_answers.Count > 10_000) _answers.Clear();
        _answers[slot] = answer;
        return answer;
    }

    public string DefinitionsRoot => Repository.DefinitionsRoot;
    public string TemplatesRoot => Repository.TemplatesRoot;

    public static bool IsItemFile(string name) => ItemFileNames.Contains(name);

    public static bool IsItemId(string id) => id.Length is > 0 and <= 64 && id[0] is >= 'a' and <= 'z' && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    public static FileKind KindOf(string file) => FileKind.ItemFiles[file + ".yaml"];

    /// <summary>The path of an item file relative to the repository: <c>definitions/items/{id}/{file}.yaml</c>.</summary>
    public static string ItemPath(string id, string file) => $"{CountyRepository.Definitions}/items/{id}/{file}.yaml";

    public static string TemplatePath(string templateId) => $"{CountyRepository.Templates}/{templateId}{DefinitionLoader.TemplateExtension}";

    public string FullPath(string repositoryPath) => Path.Combine(Repository.Root, repositoryPath);

    public bool ItemExists(string id) => Directory.Exists(Path.Combine(DefinitionsRoot, "items", id));

    public IEnumerable<string> ItemIds() =>
        Directory.Exists(Path.Combine(DefinitionsRoot, "items"))
            ? Directory.GetDirectories(Path.Combine(DefinitionsRoot, "items")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    public static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"";

    public static string ETagOf(string text) => ETagOf(Utf8.GetBytes(text));

    /// <summary>Reads a file of the work tree; null when it does not exist. YAML definition files come with their model (null when it does not parse).</summary>
    public DesignerFile? Read(string repositoryPath)
    {
        var full = FullPath(repositoryPath);
        if (!File.Exists(full)) return null;
        var bytes = File.ReadAllBytes(full);
        var text = Utf8.GetString(bytes);
        object? model = null;
        if (repositoryPath.StartsWith(CountyRepository.Definitions + "/", StringComparison.Ordinal)
            && FileKind.ForPath(repositoryPath[(CountyRepository.Definitions.Length + 1)..]) is { } kind)
        {
            var diagnostics = new DiagnosticBag();
            model = DefinitionFile.Parse(kind, text, full, new SourceMap(), diagnostics);
        }
        return new DesignerFile(repositoryPath, text, ETagOf(bytes), model);
    }

    /// <summary>The guide of an item in the work tree, if it reads (its department decides who may edit the item).</summary>
    public Guide? GuideOf(string id) => Read(ItemPath(id, "guide"))?.Model as Guide;

    /// <summary>
    /// The text a draft body stands for: <c>{"text": "..."}</c> as written, or <c>{"model": {...}}</c>
    /// (the JSON the read endpoints return) written in canonical form.
    /// </summary>
    public static DraftText TextOf(FileKind kind, JsonObject body)
    {
        if (body["text"] is JsonValue text && text.TryGetValue<string>(out var raw)) return new DraftText(raw, null);
        if (body["model"] is not JsonNode modelJson) return new DraftText(null, "请求体应包含 text（文件原文）或 model（模型 JSON）(the body needs text or model)");
        try
        {
            var model = modelJson.Deserialize(kind.ModelType, DefinitionJson.Options);
            return model is null ? new DraftText(null, "model 不能为 null") : new DraftText(DefinitionFile.Format(model), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return new DraftText(null, $"model 不符合{kind.Label}的结构 (the model does not match the file's shape): {e.Message}");
        }
    }

    /// <summary>Parses a text as a file of <paramref name="kind"/>; the model when it reads without structural errors, else null and the diagnostics.</summary>
    public (object? Model, IReadOnlyList<DesignerDiagnostic> Diagnostics) Parse(FileKind kind, string repositoryPath, string text)
    {
        var diagnostics = new DiagnosticBag();
        var model = DefinitionFile.Parse(kind, text, FullPath(repositoryPath), new SourceMap(), diagnostics);
        var structural = diagnostics.Items.Any(d => d.IsError && d.Code.StartsWith("WF10", StringComparison.Ordinal));
        var lines = text.Split('\n');
        return (structural ? null : model, Relative(diagnostics.Sorted()).Select(d => Anchored(d, lines)).ToList());
    }

    /// <summary>
    /// Validates item <paramref name="id"/> of the work tree with <paramref name="drafts"/> (file name → text) in place of its
    /// files: the server's full validator (references, scripts against the form, workflow graph). Only the item's diagnostics.
    /// </summary>
    public IReadOnlyList<DesignerDiagnostic> ValidateItem(string id, IReadOnlyDictionary<string, string> drafts)
    {
        var named = drafts.ToDictionary(d => d.Key + ".yaml", d => d.Value);
        var (set, item) = DefinitionLoader.LoadDraft(DefinitionsRoot, TemplatesRoot, id, named);
        DefinitionPipeline.Validator().ValidateItem(set, item, DefinitionPipeline.Today());
        var folder = Path.Combine(DefinitionsRoot, "items", id) + Path.DirectorySeparatorChar;
        var texts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] LinesOf(string file) => texts.TryGetValue(file, out var lines) ? lines
            : texts[file] = (drafts.GetValueOrDefault(System.IO.Path.GetFileNameWithoutExtension(file)) ?? (File.Exists(file) ? File.ReadAllText(file) : "")).Split('\n');
        return Relative(set.Diagnostics.Sorted().Where(d => d.Location.File.StartsWith(folder, StringComparison.Ordinal)))
            .Select(d => Anchored(d, LinesOf(Path.Combine(folder, Path.GetFileName(d.File))))).ToList();
    }

    /// <summary>
    /// The element a diagnostic's line falls in, from the canonical layout: workflow steps are the
    /// keys under <c>steps:</c> (two spaces), materials the list entries (<c>- id:</c>), form fields
    /// the entries under <c>fields:</c> (<c>  - id:</c>).
    /// </summary>
    public static DesignerDiagnostic Anchored(DesignerDiagnostic diagnostic, string[] lines)
    {
        var (element, pattern) = Path.GetFileName(diagnostic.File) switch
        {
            "workflow.yaml" => ("step", new System.Text.RegularExpressions.Regex("^  ([a-z][a-z0-9-]*):\\s*$")),
            "materials.yaml" => ("material", new System.Text.RegularExpressions.Regex("^- id: *([^ ]+)\\s*$")),
            "form.yaml" => ("field", new System.Text.RegularExpressions.Regex("^  - id: *([^ ]+)\\s*$")),
            _ => (null, null),
        };
        if (pattern is null) return diagnostic;
        for (var i = Math.Min(diagnostic.Line, lines.Length) - 1; i >= 0; i--)
        {
            if (element == "field" && lines[i].Length > 0 && lines[i][0] != ' ' && lines[i][0] != '-') break; // left the fields: list
            // A material entry's id may follow other keys; its entry starts at the "- " line.
            if (element == "material" && lines[i].StartsWith("- ", StringComparison.Ordinal))
            {
                for (var j = i; j < lines.Length && (j == i || lines[j].StartsWith("  ", StringComparison.Ordinal)); j++)
                    if (System.Text.RegularExpressions.Regex.Match(lines[j], "^(?:- |  )id: *([^ ]+)\\s*$") is { Success: true } id)
                        return diagnostic with { Element = element, ElementId = id.Groups[1].Value.Trim('"') };
                return diagnostic;
            }
            if (pattern.Match(lines[i]) is { Success: true } match) return diagnostic with { Element = element, ElementId = match.Groups[1].Value.Trim('"') };
        }
        return diagnostic;
    }

    /// <summary>Writes a text file into the work tree (UTF-8, no BOM), creating its folder.</summary>
    public void Write(string repositoryPath, string text)
    {
        var full = FullPath(repositoryPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, Utf8);
    }

    /// <summary>Form field ids and labels of an item, for completing <c>form.</c> in conditions.</summary>
    public static IReadOnlyList<DesignerField> FieldsOf(Form? form) =>
        form?.Fields.Select(f => new DesignerField(f.Id, f.Label, ScalarCodec.Write(f.Type),
            f.Columns.Select(c => new DesignerField(c.Id, c.Label, ScalarCodec.Write(c.Type), null)).ToList())).ToList() ?? [];

    /// <summary>The templates an item uses: its guide's result template and its workflow's document and notify steps.</summary>
    public static IReadOnlyList<string> TemplatesOf(Guide? guide, Workflow? workflow) =>
        new[] { guide?.Result.Template }.Concat(workflow?.Steps.Select(s => s.Template) ?? [])
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private IReadOnlyList<DesignerDiagnostic> Relative(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => new DesignerDiagnostic(d.IsError ? "error" : "warning", d.Code, RelativePath(d.Location.File), d.Location.Line, d.Location.Column, d.Message)).ToList();

    /// <summary>A path inside the work tree (or under any root) as <c>definitions/...</c>, <c>templates/...</c>.</summary>
    public string RelativePath(string file) => RelativeTo(Repository.Root, file);

    public static string RelativeTo(string root, string file)
    {
        var full = Path.GetFullPath(file);
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, full).Replace('\\', '/')
            : file;
    }

    public static IReadOnlyList<DesignerDiagnostic> Relative(string root, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => new DesignerDiagnostic(d.IsError ? "error" : "warning", d.Code, RelativeTo(root, d.Location.File), d.Location.Line, d.Location.Column, d.Message)).ToList();
}

/// <summary>A form field (or a table's column) for completing <c>form.</c> in conditions.</summary>
[Api.DefinitionShaped]
public sealed record DesignerField(string Id, string Label, string Type,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DesignerField>? Columns);
