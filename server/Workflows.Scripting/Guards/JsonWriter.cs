using System.Globalization;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Boolean;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Workflows.Scripting.Guards;

/// <summary>
/// JSON.stringify (ES5 15.12.3) written into one buffer whose length is checked as it grows.
/// Jint's own serializer has no bound: an array holding the same array twice, twenty levels
/// deep, serializes to gigabytes in a single call. Also used to hand results back to the host.
/// </summary>
internal sealed class JsonWriter
{
    private const int MaxIndentWidth = 10;

    private readonly Engine _engine;
    private readonly ExecutionBudget _budget;
    private readonly StringBuilder _output = new();
    private readonly List<ObjectInstance> _open = [];
    private readonly ICallable? _replacerFunction;
    private readonly List<string>? _propertyList;
    private readonly string _gap;
    private string _indent = "";

    public JsonWriter(Engine engine, ExecutionBudget budget, JsValue replacer, JsValue space)
    {
        _engine = engine;
        _budget = budget;
        if (replacer.IsObject() && replacer.AsObject() is ICallable function)
        {
            _replacerFunction = function;
        }
        else if (replacer.IsObject() && replacer.AsObject().Class == "Array")
        {
            _propertyList = PropertyListOf(replacer.AsObject());
        }

        _gap = GapOf(space);
    }

    /// <summary>The JSON text, or null where JSON.stringify returns undefined.</summary>
    public string? Write(JsValue value)
    {
        var wrapper = _engine.Object.Construct(Arguments.Empty);
        wrapper.DefineOwnProperty("", new PropertyDescriptor(value, true, true, true), false);
        return WriteProperty("", wrapper) ? _output.ToString() : null;
    }

    /// <summary>Str(key, holder): appends the value's JSON; false (nothing appended) when it has none.</summary>
    private bool WriteProperty(string key, ObjectInstance holder)
    {
        _budget.Check();
        var value = holder.Get(key);
        if (value.IsObject() && value.AsObject().Get("toJSON") is var toJson && toJson.IsObject() && toJson.AsObject() is ICallable toJsonFunction)
        {
            value = toJsonFunction.Call(value, [key]);
        }

        if (_replacerFunction is not null)
        {
            value = _replacerFunction.Call(holder, [key, value]);
        }

        value = Unboxed(value);
        if (value.IsNull())
        {
            Append("null");
        }
        else if (value.IsBoolean())
        {
            Append(value.AsBoolean() ? "true" : "false");
        }
        else if (value.IsString())
        {
            AppendQuoted(value.AsString());
        }
        else if (value.IsNumber())
        {
            Append(double.IsFinite(value.AsNumber()) ? TypeConverter.ToString(value) : "null");
        }
        else if (value.IsObject() && value.AsObject() is not ICallable)
        {
            var target = value.AsObject();
            if (target.Class == "Array")
            {
                WriteArray(target);
            }
            else
            {
                WriteObject(target);
            }
        }
        else
        {
            return false;
        }

        return true;
    }

    private void WriteObject(ObjectInstance target)
    {
        var outerIndent = Open(target);
        var keys = _propertyList ?? target.GetOwnProperties()
            .Where(property => property.Value.Enumerable == true)
            .Select(property => property.Key)
            .ToList();
        Append("{");
        var written = false;
        foreach (var key in keys)
        {
            var mark = _output.Length;
            if (written)
            {
                Append(",");
            }

            AppendLineBreak(_indent);
            AppendQuoted(key);
            Append(_gap.Length > 0 ? ": " : ":");
            if (WriteProperty(key, target))
            {
                written = true;
            }
            else
            {
                _output.Length = mark;
            }
        }

        if (written)
        {
            AppendLineBreak(outerIndent);
        }

        Append("}");
        Close(outerIndent);
    }

    private void WriteArray(ObjectInstance target)
    {
        var outerIndent = Open(target);
        var length = TypeConverter.ToUint32(target.Get("length"));
        _budget.CheckArrayLength(length);
        Append("[");
        for (uint index = 0; index < length; index++)
        {
            if (index > 0)
            {
                Append(",");
            }

            AppendLineBreak(_indent);
            if (!WriteProperty(index.ToString(CultureInfo.InvariantCulture), target))
            {
                Append("null");
            }
        }

        if (length > 0)
        {
            AppendLineBreak(outerIndent);
        }

        Append("]");
        Close(outerIndent);
    }

    private string Open(ObjectInstance target)
    {
        if (_open.Contains(target, ReferenceEqualityComparer.Instance))
        {
            throw new JavaScriptException(_engine.TypeError, "Converting circular structure to JSON");
        }

        _open.Add(target);
        _budget.CheckNesting(_open.Count);
        var outerIndent = _indent;
        _indent += _gap;
        return outerIndent;
    }

    private void Close(string outerIndent)
    {
        _open.RemoveAt(_open.Count - 1);
        _indent = outerIndent;
    }

    private void AppendLineBreak(string indent)
    {
        if (_gap.Length > 0)
        {
            Append("\n");
            Append(indent);
        }
    }

    private void Append(string text)
    {
        _output.Append(text);
        _budget.CheckStringLength(_output.Length);
    }

    private void AppendQuoted(string text)
    {
        _output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    _output.Append("\\\"");
                    break;
                case '\\':
                    _output.Append("\\\\");
                    break;
                case '\b':
                    _output.Append("\\b");
                    break;
                case '\f':
                    _output.Append("\\f");
                    break;
                case '\n':
                    _output.Append("\\n");
                    break;
                case '\r':
                    _output.Append("\\r");
                    break;
                case '\t':
                    _output.Append("\\t");
                    break;
                case < ' ':
                    _output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    _output.Append(c);
                    break;
            }
        }

        Append("\"");
    }

    /// <summary>Number, String and Boolean objects serialize as their primitive values.</summary>
    private static JsValue Unboxed(JsValue value)
    {
        if (!value.IsObject())
        {
            return value;
        }

        var target = value.AsObject();
        return target.Class switch
        {
            "Number" => TypeConverter.ToNumber(value),
            "String" => TypeConverter.ToString(value),
            "Boolean" when target is BooleanInstance boolean => boolean.PrimitiveValue,
            _ => value,
        };
    }

    private List<string> PropertyListOf(ObjectInstance replacer)
    {
        var length = TypeConverter.ToUint32(replacer.Get("length"));
        _budget.CheckArrayLength(length);
        var names = new List<string>();
        for (uint index = 0; index < length; index++)
        {
            var item = replacer.Get(index.ToString(CultureInfo.InvariantCulture));
            var isName = item.IsString() || item.IsNumber() || (item.IsObject() && item.AsObject().Class is "String" or "Number");
            if (isName && TypeConverter.ToString(item) is var name && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static string GapOf(JsValue space)
    {
        space = Unboxed(space);
        if (space.IsNumber())
        {
            var width = (int)Math.Min(MaxIndentWidth, Math.Max(0, TypeConverter.ToInteger(space)));
            return new string(' ', width);
        }

        if (space.IsString())
        {
            var text = space.AsString();
            return text.Length <= MaxIndentWidth ? text : text[..MaxIndentWidth];
        }

        return "";
    }
}
