using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Loading;

/// <summary>
/// Reads a definitions folder into a <see cref="DefinitionSet"/>. Loading only reads and maps;
/// <see cref="Validation.DefinitionValidator"/> checks the result. Paths in diagnostics are the
/// folder as given plus the file's relative path, so a CLI user sees the path they typed.
/// </summary>
public static class DefinitionLoader
{
    public const string TemplateExtension = ".sbn";

    /// <param name="root">The definitions folder.</param>
    /// <param name="templatesRoot">The templates folder; by default <c>templates</c> beside <paramref name="root"/>.</param>
    public static DefinitionSet Load(string root, string? templatesRoot = null)
    {
        var set = new DefinitionSet();
        if (!Directory.Exists(root))
        {
            set.Diagnostics.Error(DiagnosticCodes.MissingFile, SourceLocation.StartOf(root), "定义目录不存在 (the definitions folder does not exist)");
            return set;
        }
        set.Office = Load<Office>(root, FileKind.Office, set);
        set.Departments = Load<List<Department>>(root, FileKind.Departments, set) ?? [];
        set.Windows = Load<List<Window>>(root, FileKind.Windows, set) ?? [];
        set.Roles = Load<List<Role>>(root, FileKind.Roles, set) ?? [];
        set.Calendars = LoadCalendars(root, set.Sources, set.Diagnostics);
        var itemsRoot = Path.Combine(root, "items");
        if (Directory.Exists(itemsRoot)) LoadItems(root, Directory.GetDirectories(itemsRoot).Order(StringComparer.Ordinal).ToArray(), set);
        set.Templates = FindTemplates(templatesRoot ?? DefaultTemplatesRoot(root));
        return set;
    }

    public static string DefaultTemplatesRoot(string root) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "templates");

    // Items are independent files: read them on every core, each into its own map and bag,
    // merged in folder order so diagnostics come out the same however the work was split.
    private static void LoadItems(string root, string[] folders, DefinitionSet set)
    {
        var loaded = new (ItemDefinition Item, SourceMap Sources, DiagnosticBag Diagnostics)[folders.Length];
        Parallel.For(0, folders.Length, i =>
        {
            var sources = new SourceMap();
            var diagnostics = new DiagnosticBag();
            loaded[i] = (LoadItem(root, Path.GetFileName(folders[i]), sources, diagnostics), sources, diagnostics);
        });
        foreach (var (item, sources, diagnostics) in loaded)
        {
            set.Items.Add(item);
            set.Sources.Merge(sources);
            set.Diagnostics.AddRange(diagnostics.Items);
        }
    }

    /// <summary>
    /// The set a designer draft of one item is checked against: the shared files and calendars,
    /// the item itself with <paramref name="drafts"/> (file name → text) read instead of its files,
    /// and every other item by id only (enough for references to it). Validate it with
    /// <see cref="Validation.DefinitionValidator.ValidateItem(DefinitionSet, ItemDefinition, DateOnly)"/>.
    /// </summary>
    public static (DefinitionSet Set, ItemDefinition Item) LoadDraft(string root, string? templatesRoot, string itemId, IReadOnlyDictionary<string, string> drafts)
    {
        var set = new DefinitionSet();
        set.Office = Load<Office>(root, FileKind.Office, set);
        set.Departments = Load<List<Department>>(root, FileKind.Departments, set) ?? [];
        set.Windows = Load<List<Window>>(root, FileKind.Windows, set) ?? [];
        set.Roles = Load<List<Role>>(root, FileKind.Roles, set) ?? [];
        set.Calendars = LoadCalendars(root, set.Sources, set.Diagnostics);
        var itemsRoot = Path.Combine(root, "items");
        if (Directory.Exists(itemsRoot))
            foreach (var folder in Directory.GetDirectories(itemsRoot).Order(StringComparer.Ordinal))
                if (Path.GetFileName(folder) != itemId) set.Items.Add(new ItemDefinition { Id = Path.GetFileName(folder) });
        var item = LoadItem(root, itemId, set.Sources, set.Diagnostics, drafts);
        set.Items.Add(item);
        set.Templates = FindTemplates(templatesRoot ?? DefaultTemplatesRoot(root));
        return (set, item);
    }

    /// <summary>Loads one item folder; the server and the benchmark use it to reload a single changed item.</summary>
    /// <param name="drafts">Texts read instead of the item's files, by file name (<c>materials.yaml</c>): a designer's unsaved draft.</param>
    public static ItemDefinition LoadItem(string root, string id, SourceMap sources, DiagnosticBag diagnostics, IReadOnlyDictionary<string, string>? drafts = null)
    {
        var folder = Path.Combine(root, "items", id);
        var item = new ItemDefinition { Id = id };
        string? Draft(string name) => drafts?.GetValueOrDefault(name);
        item.Guide = LoadFile<Guide>(Path.Combine(folder, "guide.yaml"), FileKind.Guide, sources, diagnostics, Draft("guide.yaml"));
        item.Materials = LoadFile<List<Material>>(Path.Combine(folder, "materials.yaml"), FileKind.Materials, sources, diagnostics, Draft("materials.yaml")) ?? [];
        item.Form = LoadFile<Form>(Path.Combine(folder, "form.yaml"), FileKind.Form, sources, diagnostics, Draft("form.yaml"));
        item.Workflow = LoadFile<Workflow>(Path.Combine(folder, "workflow.yaml"), FileKind.Workflow, sources, diagnostics, Draft("workflow.yaml"));
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (!FileKind.ItemFiles.ContainsKey(name) && !name.StartsWith('.') && !name.EndsWith(".layout.json", StringComparison.Ordinal))
                    diagnostics.Warning(DiagnosticCodes.UnexpectedFile, SourceLocation.StartOf(file),
                        $"事项目录中的文件 '{name}' 不会被读取，应为 guide.yaml、materials.yaml、form.yaml、workflow.yaml (unexpected file)");
            }
        }
        return item;
    }

    private static T? Load<T>(string root, FileKind kind, DefinitionSet set) where T : class =>
        LoadFile<T>(Path.Combine(root, kind.Glob), kind, set.Sources, set.Diagnostics);

    private static T? LoadFile<T>(string path, FileKind kind, SourceMap sources, DiagnosticBag diagnostics, string? draft = null) where T : class
    {
        if (draft is not null) return DefinitionFile.Parse(kind, draft, path, sources, diagnostics) as T;
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.MissingFile, SourceLocation.StartOf(path), $"缺少{kind.Label}文件 {Path.GetFileName(path)} (missing file)");
            return null;
        }
        var text = DefinitionFile.ReadText(path, diagnostics);
        return text is null ? null : DefinitionFile.Parse(kind, text, path, sources, diagnostics) as T;
    }

    /// <summary>The calendar files alone: enough for counting working days without loading every item.</summary>
    public static List<CalendarFile> LoadCalendars(string root, SourceMap sources, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(root, "calendars");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => LoadFile<CalendarFile>(path, FileKind.Calendar, sources, diagnostics))
            .OfType<CalendarFile>().ToList();
    }

    /// <summary>Template ids are paths under the templates folder without the extension: <c>notices/acceptance</c>.</summary>
    public static Dictionary<string, string> FindTemplates(string templatesRoot)
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(templatesRoot)) return templates;
        foreach (var file in Directory.EnumerateFiles(templatesRoot, "*" + TemplateExtension, SearchOption.AllDirectories))
        {
            var id = Path.GetRelativePath(templatesRoot, file).Replace('\\', '/')[..^TemplateExtension.Length];
            templates[id] = file;
        }
        return templates;
    }
}
