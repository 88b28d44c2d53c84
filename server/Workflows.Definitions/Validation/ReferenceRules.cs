using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>Every <see cref="RefAttribute"/> value names something that exists.</summary>
public static class ReferenceRules
{
    /// <summary>Checks the references in <paramref name="root"/>; <paramref name="item"/> supplies the item-local names (steps, materials, fields).</summary>
    public static void Check(ValidationContext context, object root, ItemDefinition? item = null)
    {
        var set = context.Set;
        foreach (var value in ModelWalker.Values(root))
        {
            if (value.Shape.Ref is not { } kind || value.Value is not string name) continue;
            var (exists, code, what, candidates) = kind switch
            {
                RefKind.Department => (set.Departments.Any(d => d.Id == name), DiagnosticCodes.UnknownDepartment, "部门", set.Departments.Select(d => d.Id)),
                RefKind.Window => (set.Windows.Any(w => w.Id == name), DiagnosticCodes.UnknownWindow, "窗口", set.Windows.Select(w => w.Id)),
                RefKind.Role => (set.Roles.Any(r => r.Id == name), DiagnosticCodes.UnknownRole, "角色", set.Roles.Select(r => r.Id)),
                RefKind.Template => (set.Templates.ContainsKey(name), DiagnosticCodes.UnknownTemplate, "模板", set.Templates.Keys),
                RefKind.Item => (set.Items.Any(i => i.Id == name), DiagnosticCodes.UnknownItem, "事项", set.Items.Select(i => i.Id)),
                RefKind.Step => (name == Workflow.End || StepIds(item).Contains(name), DiagnosticCodes.UnknownStep, "步骤", StepIds(item).Append(Workflow.End)),
                RefKind.Material => (item?.Materials.Any(m => m.Id == name) ?? false, DiagnosticCodes.UnknownMaterial, "材料", item?.Materials.Select(m => m.Id) ?? []),
                RefKind.FormField => (item?.Form?.Fields.Any(f => f.Id == name) ?? false, DiagnosticCodes.UnknownFormField, "字段", item?.Form?.Fields.Select(f => f.Id) ?? []),
                _ => (true, "", "", Enumerable.Empty<string>()),
            };
            if (exists) continue;
            var hint = kind == RefKind.Template ? $"（应有文件 templates/{name}{Loading.DefinitionLoader.TemplateExtension}）" : "";
            context.Error(code, value.Container, value.Member, $"{what} '{name}' 不存在{hint}{Naming.DidYouMean(name, candidates.ToList())} (unknown {kind.ToString().ToLowerInvariant()})");
        }
    }

    private static IEnumerable<string> StepIds(ItemDefinition? item) => item?.Workflow?.Steps.Select(s => s.Id) ?? [];
}
