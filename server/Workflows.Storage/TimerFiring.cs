namespace Workflows.Storage;

/// <summary>The outcome of <see cref="ICaseStore.FireTimerAsync"/>.</summary>
/// <param name="Claimed">True for exactly one caller per timer: this call fired it.</param>
/// <param name="Version">The case's version after the tick's change, when one was appended.</param>
/// <param name="Change">The change that was appended with the claim, if any (for the after-commit hand-off).</param>
public sealed record TimerFiring(bool Claimed, long? Version = null, CaseChange? Change = null)
{
    public static readonly TimerFiring NotClaimed = new(false);
}
