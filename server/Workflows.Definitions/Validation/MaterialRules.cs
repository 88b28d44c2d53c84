using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>The checklist's rules: deferral limits (容缺), e-licence sources, copies.</summary>
public static class MaterialRules
{
    public static void Check(ValidationContext context, ItemDefinition item)
    {
        IdentityRules.CheckUnique(context, item.Materials, m => m.Id, "材料");
        var promised = context.IsBroken(item.Guide) ? null : item.Guide?.Limits.Promised;
        foreach (var material in item.Materials)
        {
            if (material.Necessity == Necessity.Deferrable)
            {
                if (material.DeferralLimit is not { } limit)
                    context.Error(DiagnosticCodes.DeferralMissingLimit, material, "Necessity",
                        $"容缺材料 '{material.Name}' 须写明补交期限 deferral-limit (a deferrable material needs its catch-up deadline)");
                else if (promised is { } p && limit > p)
                    context.Error(DiagnosticCodes.DeferralExceedsPromised, material, "DeferralLimit",
                        $"容缺材料 '{material.Name}' 的补交期限 {limit} 超过承诺时限 {p} (the catch-up deadline must not exceed the promised limit)");
            }
            else if (material.DeferralLimit is not null)
                context.Warning(DiagnosticCodes.StepFieldMisplaced, material, "DeferralLimit",
                    $"材料 '{material.Name}' 不是容缺材料，deferral-limit 不起作用 (deferral-limit only applies to deferrable materials)");
            if (material.Source == MaterialSource.ELicense && string.IsNullOrWhiteSpace(material.License))
                context.Error(DiagnosticCodes.LicenseWithoutSource, material, "Source",
                    $"材料 '{material.Name}' 从电子证照库调取，须写明证照类型 license (an e-license material names its certificate type)");
            if (material.Copies is < 0)
                context.Error(DiagnosticCodes.InvalidRange, material, "Copies", "份数不能为负数 (copies cannot be negative)");
        }
        if (!context.IsBroken(item.Guide) && item.Guide?.Pledge is { } pledge) CheckPledge(context, item, pledge);
    }

    /// <summary>告知承诺 replaces only proofs the checklist marks pledge-able (pledge: true), never a form or a material it does not list.</summary>
    private static void CheckPledge(ValidationContext context, ItemDefinition item, PledgeScheme pledge)
    {
        if (pledge.Materials.Count == 0)
            context.Error(DiagnosticCodes.PledgeMaterialNotPledgeable, pledge, "Materials", "告知承诺须列出可以承诺代替的材料 (a pledge scheme lists its materials)");
        foreach (var id in pledge.Materials)
        {
            var material = item.Materials.FirstOrDefault(m => m.Id == id);
            if (material is null)
                context.Error(DiagnosticCodes.PledgeMaterialNotPledgeable, pledge, "Materials",
                    $"告知承诺列出的材料 '{id}' 不在材料清单中 (the pledge names a material the checklist does not have)");
            else if (material.Pledge != true)
                context.Error(DiagnosticCodes.PledgeMaterialNotPledgeable, pledge, "Materials",
                    $"材料 '{material.Name}' 未标为可告知承诺（pledge: true），不能以承诺代替 (the material is not marked pledge-able)");
        }
    }
}
