namespace Workflows.Storage;

/// <summary>
/// What one command writes: its events, the case's new snapshot, the timers it starts, the
/// effects it asks for (the outbox), the document numbers it takes and the certificates it enters
/// in the register. All travel with the change, so a crash can never keep the events and lose
/// the rest.
/// </summary>
public sealed record CaseChange(IReadOnlyList<NewEvent> Events, CaseSnapshot Snapshot)
{
    public IReadOnlyList<ScheduledTimer> Timers { get; init; } = [];

    /// <summary>Effects to run after the commit; see <see cref="IOutbox"/>.</summary>
    public IReadOnlyList<NewIntent> Intents { get; init; } = [];

    /// <summary>Document numbers (发文字号) to reserve for documents of this case; see <see cref="IDocumentNumbers"/>.</summary>
    public IReadOnlyList<DocumentNumberRequest> DocumentNumbers { get; init; } = [];

    /// <summary>Certificates to enter in the register (<see cref="ICertificateRegister"/>).</summary>
    public IReadOnlyList<StoredCertificate> Certificates { get; init; } = [];

    /// <summary>When set, the case's certificates still valid take this status (the case was refused or withdrawn).</summary>
    public string? RevokeCertificatesAs { get; init; }

    /// <summary>Marks this command puts in the applicant's credit record (a false pledge; <see cref="ICreditRecords"/>).</summary>
    public IReadOnlyList<StoredCreditMark> CreditMarks { get; init; } = [];
}

/// <summary>A department's document number for one document of the case (<paramref name="Document"/> names it).</summary>
public sealed record DocumentNumberRequest(string Series, int Year, string Document);
