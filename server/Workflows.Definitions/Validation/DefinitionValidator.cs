using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>
/// Runs every check over a loaded <see cref="DefinitionSet"/>, adding located diagnostics to it.
/// Scripts and templates are checked through ports so this project needs neither engine.
/// </summary>
public sealed class DefinitionValidator(IScriptChecker? scripts = null, ITemplateChecker? templates = null)
{
    /// <param name="root">The definitions folder (to resolve the seal image).</param>
    /// <param name="today">Decides which calendar years must exist.</param>
    public void Validate(DefinitionSet set, string root, DateOnly today)
    {
        var context = new ValidationContext(set, today);
        object?[] globals = [set.Office, set.Departments, set.Windows, set.Roles];
        foreach (var part in globals.OfType<object>().Where(p => !context.IsBroken(p)))
        {
            IdentityRules.CheckIds(context, part);
            ReferenceRules.Check(context, part);
        }
        OfficeRules.Check(context, root);
        CalendarRules.Check(context);
        LawfulProcedureRules.CheckOffice(context);
        // Items only read the set, so they are checked on every core, each into its own bag.
        var perItem = new DiagnosticBag[set.Items.Count];
        Parallel.For(0, set.Items.Count, i =>
        {
            var itemContext = context.WithOwnDiagnostics();
            ValidateItem(itemContext, set.Items[i]);
            perItem[i] = itemContext.Diagnostics;
        });
        foreach (var bag in perItem) set.Diagnostics.AddRange(bag.Items);
        if (templates is not null) TemplateRules.Check(context, templates);
    }

    /// <summary>Checks one item against the rest of the set: what a reload of one changed item needs.</summary>
    public void ValidateItem(DefinitionSet set, ItemDefinition item, DateOnly today) => ValidateItem(new ValidationContext(set, today), item);

    private void ValidateItem(ValidationContext context, ItemDefinition item)
    {
        object?[] parts = [item.Guide, item.Materials, item.Form, item.Workflow];
        foreach (var part in parts.OfType<object>().Where(p => !context.IsBroken(p)))
        {
            IdentityRules.CheckIds(context, part);
            ReferenceRules.Check(context, part, item);
        }
        if (!context.IsBroken(item.Guide)) GuideRules.Check(context, item.Guide!);
        if (!context.IsBroken(item.Guide)) LawfulProcedureRules.CheckGuide(context, item.Guide!);
        if (!context.IsBroken(item.Workflow)) LawfulProcedureRules.CheckWorkflow(context, item.Workflow!);
        if (!context.IsBroken(item.Workflow)) AcceptanceSetUpRules.Check(context, item, item.Workflow!);
        if (!context.IsBroken(item.Materials)) MaterialRules.Check(context, item);
        if (!context.IsBroken(item.Form)) FormRules.Check(context, item.Form!);
        if (!context.IsBroken(item.Workflow)) WorkflowRules.Check(context, item, item.Workflow!);
        if (!context.IsBroken(item.Workflow)) ExcludedProcedureRules.Check(context, item, item.Workflow!);
        if (scripts is not null) ScriptRules.Check(context, item, scripts);
    }
}
