using System.Text.RegularExpressions;
using Jint.Native;
using Jint.Native.RegExp;

namespace Workflows.Scripting.Guards;

/// <summary>
/// Gives regular expressions a match timeout before they run. Jint 2.10.4 builds them without one
/// and does not look at the clock inside a native call, so <c>/(a+)+b/.test('aaaa…')</c> would
/// backtrack for minutes. The timeout is the evaluation's remaining time; it is tightened again
/// when the same expression is reused later in the evaluation.
/// </summary>
internal sealed class RegexTimeouts(ExecutionBudget budget)
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    public void Apply(JsValue value)
    {
        if (value.IsObject() && value.AsObject() is RegExpInstance regExp)
        {
            Apply(regExp);
        }
    }

    public void Apply(RegExpInstance regExp)
    {
        var regex = regExp.Value;
        if (regex is null)
        {
            return;
        }

        budget.CheckDeadline();
        var remaining = budget.Remaining;
        if (regex.MatchTimeout == Regex.InfiniteMatchTimeout || regex.MatchTimeout > remaining + Slack)
        {
            regExp.Value = new Regex(regex.ToString(), regex.Options, remaining);
        }
    }
}
