using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

/// <summary>Everything loaded from one definitions folder, with where it came from and what is wrong with it.</summary>
public sealed class DefinitionSet
{
    public Office? Office { get; set; }
    public List<Department> Departments { get; set; } = [];
    public List<Window> Windows { get; set; } = [];
    public List<Role> Roles { get; set; } = [];
    public List<CalendarFile> Calendars { get; set; } = [];
    public List<ItemDefinition> Items { get; set; } = [];

    /// <summary>Template ids found under the templates folder (<c>notices/acceptance</c>), with their file paths.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    public SourceMap Sources { get; } = new();
    public DiagnosticBag Diagnostics { get; } = new();

    public ItemDefinition? Item(string id) => Items.FirstOrDefault(i => i.Id == id);
    public Department? Department(string id) => Departments.FirstOrDefault(d => d.Id == id);
}
