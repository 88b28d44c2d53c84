using Jint;
using Jint.Native;
using Jint.Parser;
using Jint.Runtime;

namespace Workflows.Scripting.Guards;

/// <summary>JSON.parse with its input checked first, and JSON.stringify replaced by <see cref="JsonWriter"/>.</summary>
internal sealed class JsonGuards(Engine engine, ExecutionBudget budget)
{
    public NativeBody Parse(NativeBody original) => (thisObject, arguments) =>
    {
        var text = TypeConverter.ToString(Arguments.At(arguments, 0));
        budget.CheckNesting(JsonNesting.DepthOf(text));
        budget.CheckMemory(text.Length * NativeCost.BytesPerJsonCharacter);
        try
        {
            return original(thisObject, [text, .. arguments.Skip(1)]);
        }
        catch (ParserException exception)
        {
            // Jint 2.10.4 lets the parser's own exception escape, which a script's try/catch
            // cannot catch; ES5 says JSON.parse throws a SyntaxError.
            throw new JavaScriptException(engine.SyntaxError, exception.Description ?? exception.Message);
        }
    };

    public JsValue Stringify(JsValue thisObject, JsValue[] arguments) =>
        new JsonWriter(engine, budget, Arguments.At(arguments, 1), Arguments.At(arguments, 2)).Write(Arguments.At(arguments, 0)) is { } json
            ? json
            : JsValue.Undefined;
}
