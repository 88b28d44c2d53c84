namespace Workflows.Storage;

/// <summary>
/// Walks cases and their events in (case, sequence) order and collects every broken link.
/// Providers feed it from one ordered query, so verification streams and never holds a whole
/// database in memory.
/// </summary>
public sealed class ChainVerifier
{
    private readonly List<ChainBreak> _breaks = [];
    private Guid? _case;
    private long _version;
    private string _headHash = "";
    private long _nextSequence;
    private string _previousHash = EventHash.Genesis;

    /// <summary>Starts a case (and finishes the previous one) with what its case row claims.</summary>
    public void BeginCase(Guid caseId, long version, string headHash)
    {
        FinishCase();
        _case = caseId;
        _version = version;
        _headHash = headHash;
        _nextSequence = 1;
        _previousHash = EventHash.Genesis;
    }

    public void Event(StoredEvent e)
    {
        if (_case != e.CaseId) throw new InvalidOperationException("Events must follow their case, in sequence order.");
        if (e.Sequence > _nextSequence)
        {
            var missing = _nextSequence == e.Sequence - 1 ? $"{_nextSequence}" : $"{_nextSequence}..{e.Sequence - 1}";
            _breaks.Add(new ChainBreak(e.CaseId, _nextSequence, ChainBreakKind.MissingEvent, $"event {missing} is missing"));
        }
        var expected = EventHash.Compute(_previousHash, e.CaseId, e.Sequence, e.Type, e.Payload, e.RecordedAt);
        if (!string.Equals(expected, e.Hash, StringComparison.Ordinal))
        {
            _breaks.Add(new ChainBreak(e.CaseId, e.Sequence, ChainBreakKind.HashMismatch,
                $"event {e.Sequence} ({e.Type}) does not match its hash: edited, moved or its predecessor changed"));
        }
        _previousHash = e.Hash;
        _nextSequence = e.Sequence + 1;
    }

    public void OrphanEvents(Guid caseId, long count) =>
        _breaks.Add(new ChainBreak(caseId, 0, ChainBreakKind.OrphanEvents, $"{count} event(s) of a case row that no longer exists"));

    public IReadOnlyList<ChainBreak> Finish()
    {
        FinishCase();
        _case = null;
        return _breaks;
    }

    private void FinishCase()
    {
        if (_case is not { } caseId) return;
        var last = _nextSequence - 1;
        if (last != _version)
        {
            _breaks.Add(new ChainBreak(caseId, last + 1, ChainBreakKind.HeadMismatch,
                $"the case is at version {_version} but its last stored event is {last}"));
        }
        else if (!string.Equals(_previousHash, _headHash, StringComparison.Ordinal))
        {
            _breaks.Add(new ChainBreak(caseId, last, ChainBreakKind.HeadMismatch, "the case's head hash does not match its last event"));
        }
    }
}
