using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Execution;
using Workflows.Engine.State;

namespace Workflows.Engine.Materials;

/// <summary>The item's checklist as it applies to this case (materials whose <c>when</c> holds).</summary>
internal static class Checklist
{
    public static IReadOnlyList<Material> Applicable(CaseTransaction tx) =>
        tx.Item.Materials
            .Where(m => string.IsNullOrWhiteSpace(m.When) || tx.Context.Conditions.Evaluate(m.When, tx.State))
            .ToList();

    public static Material Find(CaseTransaction tx, string materialId) =>
        tx.Item.Materials.FirstOrDefault(m => m.Id == materialId) ?? throw Fail.UnknownMaterial(materialId);

    public static string NameOf(CaseTransaction tx, string materialId) =>
        tx.Item.Materials.FirstOrDefault(m => m.Id == materialId)?.Name ?? materialId;

    /// <summary>
    /// Applicable materials of the given necessity that the window does not hold in good order. A material
    /// the window marked 容缺 at receipt (deferred, no catch-up date yet) is not in hand either: only a
    /// 容缺受理 with the signed pledge defers it and gives it its date.
    /// </summary>
    public static IReadOnlyList<Material> NotInHand(CaseTransaction tx, Necessity necessity) =>
        Applicable(tx)
            .Where(m => m.Necessity == necessity && (tx.State.MaterialStatusOf(m.Id) is MaterialStatus.Missing or MaterialStatus.Defective
                || tx.State.Materials.TryGetValue(m.Id, out var record) && record is { Status: MaterialStatus.Deferred, CatchUpDue: null }))
            .ToList();
}
