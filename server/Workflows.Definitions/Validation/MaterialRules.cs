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
    }
}
