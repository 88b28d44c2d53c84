namespace Workflows.Storage;

/// <summary>
/// A case to create. The number is allocated by the store inside the creating transaction and
/// handed to <see cref="Build"/>, so the first events can already carry it (a receipt printed at
/// the window names the case number). <see cref="StoredCase.Number"/> carries it too.
/// </summary>
/// <param name="Id">Chosen by the caller so a retried request can name the same case.</param>
/// <param name="Office">The office's short name; numbers count per office and year.</param>
/// <param name="Year">The year the number counts in (the receipt year, not the server clock's).</param>
/// <param name="Build">The first events, the first snapshot and any timers, given the allocated number.
/// It runs inside the store's transaction: keep it quick and free of IO. When it throws, nothing
/// is written and the number is not consumed.</param>
public sealed record NewCase(Guid Id, string Office, int Year, Func<CaseNumber, CaseChange> Build)
{
    /// <summary>A case whose first change does not depend on its number.</summary>
    public NewCase(Guid id, string office, int year, CaseChange initial) : this(id, office, year, _ => initial) { }

    public CaseNumberFormat NumberFormat { get; init; } = CaseNumberFormat.Default;

    public IdempotencyKey? IdempotencyKey { get; init; }
}
