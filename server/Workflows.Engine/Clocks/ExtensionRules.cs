using Workflows.Definitions.Model;

namespace Workflows.Engine.Clocks;

/// <summary>
/// 行政许可法 art. 42: a decision may be extended once, before the deadline, by at most 10 working
/// days (15 for joint or concentrated handling, which an item declares as 联办件,
/// <c>handling-type: joint</c>), with the head's approval; a special law may set its own cap, which
/// the item then names in <c>limits.extension</c> with its basis.
/// </summary>
public static class ExtensionRules
{
    public const int StatutoryCap = 10;
    public const int JointHandlingCap = 15;

    /// <summary>The cap art. 42 sets for this item's handling.</summary>
    public static int LawCap(Guide? guide) => guide?.HandlingType == HandlingType.Joint ? JointHandlingCap : StatutoryCap;

    /// <summary>
    /// The cap that applies: the item's own when it names the special law that sets it; a stricter
    /// item cap without a law; otherwise the law's.
    /// </summary>
    public static int CapOf(Guide? guide)
    {
        var law = LawCap(guide);
        if (guide?.Limits.Extension is not { Max.Unit: DurationUnit.WorkingDays } own) return law;
        return string.IsNullOrWhiteSpace(own.Basis) ? Math.Min(own.Max.Value, law) : own.Max.Value;
    }

    /// <summary>Where the cap comes from, for the refusal message.</summary>
    public static string SourceOf(Guide? guide) =>
        guide?.Limits.Extension is { Basis: { Length: > 0 } basis } ? basis
        : guide?.HandlingType == HandlingType.Joint ? "《中华人民共和国行政许可法》第四十二条第二款" : "《中华人民共和国行政许可法》第四十二条第一款";
}
