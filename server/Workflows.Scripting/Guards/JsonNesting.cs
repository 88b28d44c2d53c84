namespace Workflows.Scripting.Guards;

/// <summary>
/// The deepest bracket nesting of a JSON text, found without parsing it. Jint's JSON parser is
/// recursive, so "[[[[…" a hundred thousand deep would overflow the stack inside one call.
/// </summary>
internal static class JsonNesting
{
    public static int DepthOf(string text)
    {
        var depth = 0;
        var deepest = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ']' or '}':
                    depth--;
                    break;
            }
        }

        return deepest;
    }
}
