using System.Globalization;
using Jint;
using Workflows.Domain;
using Workflows.Scripting.Helpers;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// A fresh Jint 4 engine for one evaluation, under Jint's own constraints. Engines are not pooled:
/// a script can change built-ins (<c>Array.prototype.indexOf = …</c>) and globals, and a reused
/// engine would carry that into the next evaluation.
/// </summary>
internal static class SandboxEngine
{
    // Dates made in scripts use Beijing time whatever the server's zone (China has no daylight saving).
    private static readonly TimeZoneInfo ChinaStandardTime = ChinaTime.Zone;

    public static Engine Create(ScriptLimits limits, WorkingCalendar calendar, DateOnly today, bool guardNatives)
    {
        // No AllowClr: nothing of .NET is reachable, only what is installed below.
        var engine = new Engine(options =>
        {
            options.Strict(true)
                .MaxStatements(limits.MaxStatements)
                .TimeoutInterval(limits.Timeout)
                .LimitMemory(limits.MaxAllocatedBytes)
                // Counts the whole call stack, so a chain of distinct closures is stopped too.
                .LimitRecursion(limits.MaxRecursionDepth)
                .MaxArraySize((uint)limits.MaxArrayLength)
                .RegexTimeoutInterval(limits.RegexTimeout)
                .MaxJsonParseDepth(limits.MaxRecursionDepth)
                // eval, new Function and the constructor chain ((function(){}).constructor('…')).
                .DisableStringCompilation()
                .Culture(CultureInfo.InvariantCulture)
                .LocalTimeZone(ChinaStandardTime);
            // Native code calling itself (a toString that is a built-in reading toString again)
            // never enters the script call stack that LimitRecursion counts: without the guard a
            // stack overflow would end the process.
            options.Constraints.StackOverflowGuard = true;
        });
        Es5Globals.RemoveOthers(engine);
        // A plain expression (Parsing.PlainExpression) cannot call the built-ins the guard wraps.
        if (guardNatives) NativeCallGuard.Install(engine, limits);
        HelperLibrary.Install(new HelperScope(engine, calendar, today));
        return engine;
    }
}
