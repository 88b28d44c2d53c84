namespace Workflows.Storage;

/// <summary>A case number as allocated: the office and year it counts in, its sequence and its text.</summary>
public sealed record CaseNumber(string Office, int Year, long Sequence, string Text)
{
    public override string ToString() => Text;
}
