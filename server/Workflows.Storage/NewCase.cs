namespace Workflows.Storage;

/// <summary>
/// A case to create. The number is allocated by the store inside the creating transaction, so
/// the snapshot does not carry it; <see cref="StoredCase.Number"/> does.
/// </summary>
/// <param name="Id">Chosen by the caller so a retried request can name the same case.</param>
/// <param name="Office">The office's short name; numbers count per office and year.</param>
/// <param name="Year">The year the number counts in (the receipt year, not the server clock's).</param>
/// <param name="Initial">The first events, the first snapshot and any timers.</param>
public sealed record NewCase(Guid Id, string Office, int Year, CaseChange Initial)
{
    public CaseNumberFormat NumberFormat { get; init; } = CaseNumberFormat.Default;

    public IdempotencyKey? IdempotencyKey { get; init; }
}
