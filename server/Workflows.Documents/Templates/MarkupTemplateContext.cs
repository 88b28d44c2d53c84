using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Workflows.Documents.Templates;

/// <summary>
/// The context every template runs in. It
/// <list type="bullet">
/// <item>escapes every value a template prints (<c>{{ x }}</c>) for the layout markup, while the
/// template's own text and the markup helpers (materialTable, qr) write markup as it is;</item>
/// <item>throws at its limits instead of truncating (see <see cref="TemplateLimits"/>);</item>
/// <item>treats a missing value as false the way the Handlebars templates did: null, false, "", 0 and
/// an empty list are false (Scriban alone counts "" and 0 as true), so <c>if applicant.uscc</c> reads naturally;</item>
/// <item>reads no member of any .NET object (the data is plain <see cref="ScriptObject"/>s anyway).</item>
/// </list>
/// In strict mode an unknown name or member is an error, not an empty string.
/// </summary>
internal sealed class MarkupTemplateContext : TemplateContext
{
    public MarkupTemplateContext(ScriptObject builtins, TemplateLimits limits, bool strict) : base(builtins)
    {
        StrictVariables = strict;
        EnableRelaxedMemberAccess = !strict;
        EnableRelaxedTargetAccess = !strict;
        LoopLimit = limits.Loops;
        LoopLimitQueryable = limits.Loops;
        RecursiveLimit = limits.Recursion;
        LimitToString = limits.StringLength;
        OutputLimit = limits.Output;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        MemberFilter = _ => false;
        TemplateLoader = null;
    }

    public override TemplateContext Write(SourceSpan span, object textAsObject)
    {
        if (textAsObject is not null) Write(MarkupEscape.Escape(ObjectToString(textAsObject)));
        return this;
    }

    public override bool ToBool(SourceSpan span, object value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long n => n != 0,
        int n => n != 0,
        decimal d => d != 0,
        double d => d != 0,
        ICollection c => c.Count > 0,
        _ => base.ToBool(span, value),
    };
}
