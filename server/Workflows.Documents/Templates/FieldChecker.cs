using System.Text.Json.Nodes;
using Scriban.Syntax;

namespace Workflows.Documents.Templates;

/// <summary>A template's reference to a field its sample data cannot have, at its line and column.</summary>
public sealed record FieldProblem(string Path, int Line, int Column);

/// <summary>
/// Checks every field a template reads against its sample data, walking Scriban's syntax tree:
/// names and member chains (<c>applicant.name</c>, <c>this.case.number</c>), loop variables bound
/// to the first item of their list (<c>for material in materials</c> then <c>material.name</c>),
/// function arguments and pipes. A field present with the value null counts as present (the data
/// model puts every documented field in, null where there is no value); where the sample cannot
/// tell (an empty list, a variable the template assigns, inside <c>with</c> or <c>func</c>) nothing is reported.
/// </summary>
public sealed class FieldChecker
{
    /// <summary>What an expression stands for: a value of the sample, or something the sample cannot tell.</summary>
    private readonly record struct Value(bool Known, JsonNode? Node)
    {
        public static readonly Value Unknown = new(false, null);
    }

    private readonly JsonObject _sample;
    private readonly List<Dictionary<string, Value>> _scopes = [new(StringComparer.Ordinal)];
    private readonly List<FieldProblem> _problems = [];
    private int _opaque;   // inside with/func: globals may come from elsewhere

    private FieldChecker(JsonObject sample) => _sample = sample;

    /// <exception cref="Rendering.DocumentException">WF5001 when the template does not parse.</exception>
    public static List<FieldProblem> Check(string template, JsonObject sample)
    {
        var checker = new FieldChecker(sample);
        checker.Walk(TemplateRenderer.Parse(template).Page);
        return checker._problems;
    }

    private void Walk(ScriptNode? node)
    {
        switch (node)
        {
            case null: return;
            case ScriptExpression e when e is ScriptVariable or ScriptMemberExpression or ScriptThisExpression: Resolve(e); return;
            case ScriptFunctionCall call:
                Callee(call.Target);
                foreach (var argument in call.Arguments) Walk(argument);
                return;
            case ScriptPipeCall pipe:
                Walk(pipe.From);
                if (pipe.To is ScriptFunctionCall) Walk(pipe.To); else Callee(pipe.To);
                return;
            case ScriptAssignExpression assign:
                Walk(assign.Value);
                if (assign.Target is ScriptVariable v) _scopes[^1][v.Name] = Value.Unknown; else Walk(assign.Target);
                return;
            case ScriptCaptureStatement capture:
                if (capture.Target is ScriptVariable c) _scopes[^1][c.Name] = Value.Unknown;
                Walk(capture.Body);
                return;
            case ScriptForStatement loop:
            {
                var list = Resolve(loop.Iterator);
                var first = list.Known && list.Node is JsonArray items ? items.FirstOrDefault(i => i is not null) : null;
                _scopes.Add(new Dictionary<string, Value>(StringComparer.Ordinal));
                if (loop.Variable is ScriptVariable variable) _scopes[^1][variable.Name] = first is null ? Value.Unknown : new Value(true, first);
                Walk(loop.Body);
                _scopes.RemoveAt(_scopes.Count - 1);
                Walk(loop.Else);
                return;
            }
            case ScriptWithStatement with:
                Walk(with.Name);
                Opaque(with.Body);
                return;
            case ScriptFunction function:
                Opaque(function.Body);
                return;
            default:
                for (var i = 0; i < node.ChildrenCount; i++) Walk(node.GetChildren(i));
                return;
        }
    }

    private void Opaque(ScriptNode? body)
    {
        _opaque++;
        _scopes.Add(new Dictionary<string, Value>(StringComparer.Ordinal));
        Walk(body);
        _scopes.RemoveAt(_scopes.Count - 1);
        _opaque--;
    }

    /// <summary>A called name is a function (ours or Scriban's): not a field. Anything else is walked.</summary>
    private void Callee(ScriptExpression? target)
    {
        if (target is ScriptVariable v && (TemplateRenderer.Helpers.Contains(v.Name) || IsLocal(v.Name))) return;
        if (target is ScriptMemberExpression { Target: ScriptVariable module } && TemplateRenderer.Helpers.Contains(module.Name)) return;
        Walk(target);
    }

    private bool IsLocal(string name) => _scopes.Any(s => s.ContainsKey(name));

    private Value Resolve(ScriptExpression? e)
    {
        switch (e)
        {
            case ScriptThisExpression: return _opaque > 0 ? Value.Unknown : new Value(true, _sample);
            case ScriptVariableGlobal global:
            {
                for (var i = _scopes.Count - 1; i >= 0; i--)
                    if (_scopes[i].TryGetValue(global.Name, out var local)) return local;
                if (global.Name is "for" or "while" or "tablerow" || TemplateRenderer.Helpers.Contains(global.Name) || _opaque > 0) return Value.Unknown;
                if (_sample.TryGetPropertyValue(global.Name, out var node)) return new Value(true, node);
                Report(global.Name, global);
                return Value.Unknown;
            }
            case ScriptVariable: return Value.Unknown;   // $local, $0: arguments of a func
            case ScriptMemberExpression member:
            {
                var target = Resolve(member.Target);
                if (!target.Known || target.Node is not JsonObject o) return Value.Unknown;   // null in the sample: present, no value
                if (o.TryGetPropertyValue(member.Member.Name, out var child)) return new Value(true, child);
                Report(PathOf(member), member.Member);
                return Value.Unknown;
            }
            default:
                Walk(e);
                return Value.Unknown;
        }
    }

    private static string PathOf(ScriptExpression e) => e switch
    {
        ScriptMemberExpression m => PathOf(m.Target) + "." + m.Member.Name,
        ScriptThisExpression => "this",
        ScriptVariable v => v.Name,
        _ => "?",
    };

    private void Report(string path, ScriptNode at) => _problems.Add(new FieldProblem(path, at.Span.Start.Line + 1, at.Span.Start.Column + 1));
}
