using System.Globalization;
using Jint;
using Workflows.Domain;
using Workflows.Scripting.Guards;
using Workflows.Scripting.Helpers;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// A fresh engine for one evaluation. Engines are not pooled: a script can change built-ins
/// (<c>Array.prototype.indexOf = …</c>) and globals, and a reused engine would carry that into the
/// next evaluation. Building one costs well under a millisecond.
/// </summary>
internal static class SandboxEngine
{
    // Dates made in scripts use Beijing time whatever the server's zone (China has no daylight saving).
    private static readonly TimeZoneInfo ChinaStandardTime =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static Engine Create(ScriptLimits limits, ExecutionBudget budget, WorkingCalendar calendar, DateOnly today)
    {
        // No AllowClr: nothing of .NET is reachable, only what is installed below.
        var engine = new Engine(options => options
            .MaxStatements(limits.MaxStatements)
            .TimeoutInterval(limits.Timeout)
            .LimitRecursion(limits.MaxRecursionDepth)
            .Culture(CultureInfo.InvariantCulture)
            .LocalTimeZone(ChinaStandardTime));

        var regexes = new RegexTimeouts(budget);
        DynamicCodeBlocker.Apply(engine);
        NativeFunctionGuards.Install(engine, budget, regexes);
        ConstructorGuards.Install(engine, budget);
        InjectedFunctions.Install(engine, budget, regexes);
        HelperLibrary.Install(new HelperScope(engine, budget, calendar, today));
        return engine;
    }
}
