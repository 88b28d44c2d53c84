using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// An upper bound of what JSON.stringify would write, counted before it runs: a small array that
/// holds itself twice, twenty times over (<c>a = [a, a]</c>), writes a million copies from one
/// native call. Shared values are counted every time they are reached, as the serializer writes
/// them; the walk stops as soon as the count passes the limits, so it costs at most that much.
/// Only data properties are read (a getter is not run twice). Nesting deeper than the recursion
/// limit fails as such (WF4105).
/// </summary>
internal static class JsonSize
{
    public static bool Exceeds(JsValue value, ScriptLimits limits)
    {
        long characters = 0, values = 0;
        // The path from the root: a value met again on it is a cycle, which JSON.stringify itself
        // refuses with a TypeError the script can catch.
        var path = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        return Walk(value, 0);

        bool Walk(JsValue current, int depth)
        {
            if (depth > limits.MaxRecursionDepth) throw new LimitExceededException(LimitKind.DataNesting);
            if (++values > limits.MaxArrayLength) return true;
            if (current.IsString()) characters += current.AsString().Length + 2;
            else characters += 8;
            if (characters > limits.MaxStringLength) return true;
            if (current is not ObjectInstance target || !path.Add(target)) return false;
            try
            {
                if (current is JsArray array)
                {
                    for (uint i = 0; i < array.Length; i++)
                    {
                        if (Walk(array.Get(i), depth + 1)) return true;
                    }
                    return false;
                }
                foreach (var (key, descriptor) in target.GetOwnProperties())
                {
                    if (!descriptor.IsDataDescriptor() || !descriptor.Enumerable || descriptor.Value is null) continue;
                    characters += key.ToString().Length + 3;
                    if (Walk(descriptor.Value, depth + 1)) return true;
                }
                return false;
            }
            finally
            {
                path.Remove(target);
            }
        }
    }
}
