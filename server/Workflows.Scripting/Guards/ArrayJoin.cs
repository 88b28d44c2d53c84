using System.Globalization;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Workflows.Scripting.Guards;

/// <summary>
/// Array.prototype.join and toLocaleString (ES5 15.4.4.5, 15.4.4.3), linear in the output and
/// bounded: the length and the output are checked against the limits as they grow, an array that
/// contains itself joins to "" there (as browsers do) instead of recursing until the stack
/// overflows, and nesting deeper than the limit fails.
/// </summary>
internal sealed class ArrayJoin(Engine engine, ExecutionBudget budget)
{
    private readonly HashSet<ObjectInstance> _inProgress = new(ReferenceEqualityComparer.Instance);

    public JsValue Join(JsValue thisObject, JsValue[] arguments)
    {
        var separator = Arguments.At(arguments, 0);
        return Build(thisObject, separator.IsUndefined() ? "," : TypeConverter.ToString(separator), TypeConverter.ToString);
    }

    public JsValue ToLocaleString(JsValue thisObject, JsValue[] arguments) =>
        Build(thisObject, ",", element =>
        {
            var target = TypeConverter.ToObject(engine, element);
            var method = target.Get("toLocaleString");
            if (!method.IsObject() || method.AsObject() is not ICallable callable)
            {
                throw new JavaScriptException(engine.TypeError, "toLocaleString is not a function");
            }

            return TypeConverter.ToString(callable.Call(target, Arguments.Empty));
        });

    private JsValue Build(JsValue thisObject, string separator, Func<JsValue, string> elementText)
    {
        var target = TypeConverter.ToObject(engine, thisObject);
        var length = TypeConverter.ToUint32(target.Get("length"));
        budget.CheckArrayLength(length);
        if (!_inProgress.Add(target))
        {
            return "";
        }

        try
        {
            budget.CheckNesting(_inProgress.Count);
            var text = new StringBuilder();
            for (uint index = 0; index < length; index++)
            {
                if (index > 0)
                {
                    text.Append(separator);
                }

                var element = target.Get(index.ToString(CultureInfo.InvariantCulture));
                if (!element.IsUndefined() && !element.IsNull())
                {
                    text.Append(elementText(element));
                }

                budget.CheckStringLength(text.Length);
                if (index % 1024 == 1023)
                {
                    budget.Check();
                }
            }

            return text.ToString();
        }
        finally
        {
            _inProgress.Remove(target);
        }
    }
}
