namespace Workflows.Storage;

/// <summary>Search filters; every one given must match. Null means "any".</summary>
public sealed record CaseQuery
{
    /// <summary>The exact case number text.</summary>
    public string? Number { get; init; }

    /// <summary>Matches names starting with this text (clerks type the family name first).</summary>
    public string? ApplicantNamePrefix { get; init; }

    /// <summary>The exact applicant id (resident id or USCC).</summary>
    public string? ApplicantId { get; init; }

    public string? Status { get; init; }

    public string? Department { get; init; }

    /// <summary>Cases this department id (or <c>w:window</c> id) is a party to (<see cref="CaseIndex.Parties"/>).</summary>
    public string? Party { get; init; }

    /// <summary>Only cases not yet closed.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Cases due strictly before this date (cases without a due date never match).</summary>
    public DateOnly? DueBefore { get; init; }

    /// <summary>Open cases whose 特别程序 has run past its announced end before this day (the index's <c>procedure_due</c>).</summary>
    public DateOnly? ProcedureOverrunOn { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

/// <summary>One page of search results; <see cref="HasMore"/> instead of a total so a page never counts a million rows.</summary>
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, bool HasMore);

/// <summary>A search hit: the indexed columns, not the whole snapshot.</summary>
public sealed record CaseSummary(Guid Id, CaseNumber Number, long Version, CaseIndex Index, DateTimeOffset CreatedAt);
