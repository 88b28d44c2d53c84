namespace Workflows.Storage;

/// <summary>
/// The reads of <see cref="ICaseFigures"/> over any provider's <see cref="FigureRows"/>: every count is one
/// GROUP BY over a covering index, every list a page of ids.
/// </summary>
public sealed class CaseFiguresQueries(FigureRows rows)
{
    public async Task<IReadOnlyList<DeadlineCount>> DeadlineCountsAsync(DateOnly today, string? party, CancellationToken cancellationToken = default)
    {
        var p = new List<(string, object?)> { ("today", today), ("open", true) };
        var sql = $"""
            SELECT item_department, COUNT(*),
                SUM(CASE WHEN {CaseFiguresSql.Warning} THEN 1 ELSE 0 END),
                SUM(CASE WHEN {CaseFiguresSql.Overdue} THEN 1 ELSE 0 END),
                SUM(suspended),
                SUM(CASE WHEN {CaseFiguresSql.ProcedureOverrun} THEN 1 ELSE 0 END)
            FROM cases WHERE is_open = @open{CaseFiguresSql.PartyFilter(party, p)}
            GROUP BY item_department ORDER BY item_department
            """;
        var counts = (await rows(sql, p, cancellationToken))
            .Select(r => new DeadlineCount(CaseFiguresSql.Text(r[0]), CaseFiguresSql.Int(r[1]), CaseFiguresSql.Int(r[2]), CaseFiguresSql.Int(r[3]), CaseFiguresSql.Int(r[4]))
            {
                ProcedureOverrun = CaseFiguresSql.Int(r[5]),
            })
            .ToList();
        // 核查 past due, over every case (the index ix_cases_pledge_check), merged into the departments' rows.
        var c = new List<(string, object?)> { ("today", today) };
        var checks = await rows($"""
            SELECT item_department, COUNT(*) FROM cases WHERE {CaseFiguresSql.PledgeCheckOverdue}{CaseFiguresSql.PartyFilter(party, c)}
            GROUP BY item_department
            """, c, cancellationToken);
        var added = false;
        foreach (var r in checks)
        {
            var department = CaseFiguresSql.Text(r[0]);
            var at = counts.FindIndex(d => d.Department == department);
            if (at >= 0) { counts[at] = counts[at] with { PledgeCheckOverdue = CaseFiguresSql.Int(r[1]) }; continue; }
            counts.Add(new DeadlineCount(department, 0, 0, 0, 0) { PledgeCheckOverdue = CaseFiguresSql.Int(r[1]) });
            added = true;
        }
        return added ? counts.OrderBy(d => d.Department ?? "", StringComparer.Ordinal).ToList() : counts;
    }

    public async Task<IReadOnlyList<DeadlineCase>> DeadlineCasesAsync(DateOnly today, string? party, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var p = new List<(string, object?)> { ("today", today), ("open", true), ("take", take) };
        var sql = $"""
            SELECT id, number, status, item_id, item_department, department, applicant_name, level_due, warn_from, suspended, procedure_due
            FROM cases WHERE is_open = @open{CaseFiguresSql.PartyFilter(party, p)}
                AND (suspended = 1 OR level_due < @today OR warn_from <= @today OR {CaseFiguresSql.ProcedureOverrun})
            ORDER BY CASE WHEN {CaseFiguresSql.Overdue} THEN 0 WHEN suspended = 0 THEN 1 ELSE 2 END, level_due IS NULL, level_due, number
            LIMIT @take
            """;
        return (await rows(sql, p, cancellationToken))
            .Select(r => new DeadlineCase(CaseFiguresSql.Id(r[0]), (string)r[1]!, (string)r[2]!, CaseFiguresSql.Text(r[3]), CaseFiguresSql.Text(r[4]),
                CaseFiguresSql.Text(r[5]), CaseFiguresSql.Text(r[6]), CaseFiguresSql.Date(r[7]), CaseFiguresSql.Date(r[8]), CaseFiguresSql.Int(r[9]) != 0)
            {
                ProcedureDue = CaseFiguresSql.Date(r[10]),
            })
            .ToList();
    }

    public async Task<IReadOnlyList<OutcomeCount>> OutcomeCountsAsync(string? party, CancellationToken cancellationToken = default)
    {
        var p = new List<(string, object?)>();
        var sql = $"""
            SELECT item_department, COUNT(*), SUM(CASE WHEN on_time IS NULL THEN 0 ELSE 1 END), SUM(on_time)
            FROM cases WHERE 1 = 1{CaseFiguresSql.PartyFilter(party, p)}
            GROUP BY item_department ORDER BY item_department
            """;
        return (await rows(sql, p, cancellationToken))
            .Select(r => new OutcomeCount(CaseFiguresSql.Text(r[0]), CaseFiguresSql.Int(r[1]), CaseFiguresSql.Int(r[2]), CaseFiguresSql.Int(r[3])))
            .ToList();
    }

    public async Task<IReadOnlyList<DayCount>> DailyCountsAsync(DateOnly from, string? party, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<(string?, DateOnly), (int Received, int Closed)>();
        foreach (var column in new[] { "received_on", "closed_on" })
        {
            var p = new List<(string, object?)> { ("from", from) };
            var sql = $"""
                SELECT item_department, {column}, COUNT(*) FROM cases
                WHERE {column} >= @from{CaseFiguresSql.PartyFilter(party, p)}
                GROUP BY item_department, {column}
                """;
            foreach (var r in await rows(sql, p, cancellationToken))
            {
                var key = (CaseFiguresSql.Text(r[0]), CaseFiguresSql.Date(r[1])!.Value);
                var c = counts.GetValueOrDefault(key);
                counts[key] = column == "received_on" ? (c.Received + CaseFiguresSql.Int(r[2]), c.Closed) : (c.Received, c.Closed + CaseFiguresSql.Int(r[2]));
            }
        }
        return counts.OrderBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2)
            .Select(c => new DayCount(c.Key.Item1, c.Key.Item2, c.Value.Received, c.Value.Closed)).ToList();
    }

    public async Task<IReadOnlyList<RatingCount>> RatingCountsAsync(string? party, CancellationToken cancellationToken = default)
    {
        var p = new List<(string, object?)>();
        var sql = $"SELECT rating, COUNT(*) FROM cases WHERE rating IS NOT NULL{CaseFiguresSql.PartyFilter(party, p)} GROUP BY rating ORDER BY rating";
        return (await rows(sql, p, cancellationToken)).Select(r => new RatingCount((string)r[0]!, CaseFiguresSql.Int(r[1]))).ToList();
    }

    public async Task<WorkPage> WorkAsync(WorkQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1);
        if (query.AnyOf.Count == 0) return new WorkPage([], 0);
        var p = new List<(string, object?)>();
        var any = new List<string>();
        for (var i = 0; i < query.AnyOf.Count; i++)
        {
            any.Add($"assignees LIKE @a{i} ESCAPE '\\'");
            p.Add(($"a{i}", "%" + CaseSearchSql.LikePrefix(query.AnyOf[i])));
        }
        // Every case with an open task (ix_cases_tasks): open ones, and 办结 ones whose 告知承诺 核查 is still open.
        var where = $"WHERE assignees IS NOT NULL AND ({string.Join(" OR ", any)})";
        var total = CaseFiguresSql.Int((await rows($"SELECT COUNT(*) FROM cases {where}", p, cancellationToken))[0][0]);
        p.Add(("take", query.Take));
        p.Add(("skip", query.Skip));
        var ids = await rows($"SELECT id FROM cases {where} ORDER BY task_due IS NULL, task_due, number LIMIT @take OFFSET @skip", p, cancellationToken);
        return new WorkPage(ids.Select(r => CaseFiguresSql.Id(r[0])).ToList(), total);
    }

    public async Task<IReadOnlyList<Guid>> ClosedSinceAsync(ClosedQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var p = new List<(string, object?)> { ("since", query.Since), ("take", query.Take) };
        var filters = CaseFiguresSql.PartyFilter(query.Party, p);
        if (query.UnratedOnly) filters += " AND rating IS NULL";
        if (query.ExceptStatus is { } status)
        {
            filters += " AND status <> @except";
            p.Add(("except", status));
        }
        var sql = $"SELECT id FROM cases WHERE closed_on >= @since{filters} ORDER BY closed_on DESC, updated_at DESC, id LIMIT @take";
        return (await rows(sql, p, cancellationToken)).Select(r => CaseFiguresSql.Id(r[0])).ToList();
    }

    public async Task<IReadOnlyList<Guid>> WithoutFiguresAsync(int take, CancellationToken cancellationToken = default)
    {
        var p = new List<(string, object?)> { ("take", take) };
        return (await rows("SELECT id FROM cases WHERE received_on IS NULL ORDER BY created_at, id LIMIT @take", p, cancellationToken))
            .Select(r => CaseFiguresSql.Id(r[0])).ToList();
    }

    /// <summary>The UPDATE of <see cref="ICaseFigures.SetFiguresAsync"/>; the provider runs it as one of its writes.</summary>
    public static (string Sql, (string Name, object? Value)[] Parameters) SetFigures(Guid caseId, long version, CaseFigures figures) =>
        ($"UPDATE cases SET {CaseFiguresSql.Set} WHERE id = @id AND version = @version",
            [("id", caseId), ("version", version), .. CaseFiguresSql.Parameters(figures)]);

    public async Task<IReadOnlyList<Guid>> RatedAsync(IReadOnlyCollection<string> ratings, string? party, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (ratings.Count == 0) return [];
        var p = new List<(string, object?)>();
        var names = ratings.Select((r, i) => { p.Add(($"r{i}", r)); return $"@r{i}"; }).ToList();
        // Ordered here, not in SQL: with ORDER BY a planner may walk every case newest first (the created_at
        // index) instead of looking the few rated ones up by rating.
        var sql = $"SELECT id, created_at FROM cases WHERE rating IN ({string.Join(", ", names)}){CaseFiguresSql.PartyFilter(party, p)}";
        return (await rows(sql, p, cancellationToken))
            .OrderByDescending(r => (IComparable)r[1]!).ThenBy(r => CaseFiguresSql.Id(r[0]))
            .Take(take).Select(r => CaseFiguresSql.Id(r[0])).ToList();
    }
}
