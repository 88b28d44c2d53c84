using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Validation;

namespace Workflows.Server.Hosting;

/// <summary>
/// The definitions the server runs on. A reload that finds any error keeps the last good snapshot
/// serving and records the diagnostics, so a broken file saved mid-edit never takes items away.
/// </summary>
public sealed class DefinitionCatalog(string definitionsRoot, string templatesRoot, ILogger<DefinitionCatalog> logger)
{
    private readonly Lock _gate = new();
    private DefinitionSnapshot? _current;

    public string DefinitionsRoot { get; } = definitionsRoot;
    public string TemplatesRoot { get; } = templatesRoot;

    /// <summary>The last good snapshot; null only when the definitions have never loaded cleanly.</summary>
    public DefinitionSnapshot? Current => _current;

    /// <summary>Diagnostics of the latest load attempt, good or not.</summary>
    public IReadOnlyList<Diagnostic> LastDiagnostics { get; private set; } = [];
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public bool LastAttemptFailed { get; private set; }

    /// <summary>
    /// Raised after a reload that added calendar years (a State Council schedule published), with
    /// the new years: due dates counted through them as provisional must be counted again.
    /// </summary>
    public event Action<IReadOnlyList<int>>? CalendarYearsPublished;

    /// <summary>Raised after every successful load with the new snapshot (settings such as the daily jobs' times may have changed).</summary>
    public event Action<DefinitionSnapshot>? Loaded;

    public bool Reload()
    {
        lock (_gate)
        {
            var version = DefinitionSnapshot.HashOf(DefinitionsRoot, TemplatesRoot);
            if (_current?.Version == version && !LastAttemptFailed) return true;
            var set = DefinitionPipeline.LoadAndValidate(DefinitionsRoot, TemplatesRoot, DefinitionPipeline.Today());
            LastDiagnostics = set.Diagnostics.Sorted();
            LastAttemptAt = DateTimeOffset.Now;
            LastAttemptFailed = set.Diagnostics.HasErrors;
            if (LastAttemptFailed)
            {
                foreach (var d in LastDiagnostics.Where(d => d.IsError)) logger.LogError("{Diagnostic}", d.ToString());
                logger.LogWarning("定义有错误，继续使用上一个有效版本 {Version} (definitions have errors; keeping the last good version)", _current?.Version ?? "(无)");
                return false;
            }
            var previous = _current;
            _current = new DefinitionSnapshot(set, version, DateTimeOffset.Now, CalendarRules.Build(set.Calendars));
            logger.LogInformation("已加载定义版本 {Version}：{Count} 个事项 (definitions loaded)", version, set.Items.Count);
            Loaded?.Invoke(_current);
            // The first load is no publication: cases already stored were counted with what the store knew.
            var added = previous is null ? [] : _current.Calendar.Years.Except(previous.Calendar.Years).ToList();
            if (added.Count > 0)
            {
                logger.LogInformation("新增工作日历 {Years} 年，重新计算在办件的暂定期限 (calendar years published)", string.Join("、", added));
                CalendarYearsPublished?.Invoke(added);
            }
            return true;
        }
    }
}
