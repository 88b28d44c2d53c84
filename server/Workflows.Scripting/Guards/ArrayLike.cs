using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Workflows.Scripting.Guards;

internal static class ArrayLike
{
    /// <summary>
    /// ToUint32(value.length), as the array methods compute it; 0 for undefined and null, which
    /// the methods themselves reject with a TypeError. The guard reads the length before the
    /// original method reads it again, so a length that could change between the two reads (a
    /// getter, or an object with valueOf) is refused.
    /// </summary>
    public static double LengthOf(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return 0;
        }

        var target = TypeConverter.ToObject(engine, value);
        var descriptor = target.GetProperty("length");
        if (descriptor.IsAccessorDescriptor() || (descriptor.Value is { } length && length.IsObject()))
        {
            throw new JavaScriptException(engine.TypeError, "数组方法不接受 length 为访问器或对象的类数组对象 (array-like length must be a plain value)");
        }

        return TypeConverter.ToUint32(target.Get("length"));
    }
}
