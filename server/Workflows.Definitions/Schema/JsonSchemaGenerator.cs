using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Schema;

/// <summary>
/// Writes a JSON Schema (draft-07, what yaml-language-server reads best) for each file kind from
/// the model itself, so the schemas cannot drift from what the loader accepts. Labels become
/// titles and descriptions, so completion in VS Code shows the Chinese names.
/// </summary>
public static class JsonSchemaGenerator
{
    public static string Generate(FileKind kind)
    {
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = $"https://workflows.local/schemas/{kind.Name}.schema.json",
            ["title"] = kind.Label,
        };
        var context = new Context();
        foreach (var (key, value) in SchemaFor(kind.ModelType, context)) schema[key] = value?.DeepClone();
        if (context.Definitions.Count > 0) schema["definitions"] = context.Definitions;
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    public static string FileName(FileKind kind) => $"{kind.Name}.schema.json";

    /// <summary>Object types being written (to cut recursion, e.g. table columns are fields) and those moved to <c>definitions</c>.</summary>
    private sealed class Context
    {
        public HashSet<Type> InProgress { get; } = [];
        public JsonObject Definitions { get; } = [];
    }

    private static JsonObject SchemaFor(Type type, Context context, MemberShape? member = null)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var schema = new JsonObject();
        if (member is not null)
        {
            schema["title"] = member.Label;
            if (member.Description is not null) schema["description"] = member.Description;
        }
        if (type == typeof(string))
        {
            schema["type"] = "string";
            if (member?.Id is { } id) schema["pattern"] = id.Style == IdStyle.Kebab ? "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" : "^[a-z][A-Za-z0-9]*$";
            if (member?.IsScript == true) schema["description"] = (member.Description ?? member.Label) + "（脚本表达式，如 applicant.type == 'person'）";
        }
        else if (type == typeof(int)) schema["type"] = "integer";
        else if (type == typeof(decimal) || type == typeof(double)) schema["type"] = "number";
        else if (type == typeof(bool)) schema["type"] = "boolean";
        else if (type == typeof(DateOnly)) { schema["type"] = "string"; schema["format"] = "date"; }
        else if (type.IsEnum)
        {
            var shape = ScalarCodec.EnumOf(type);
            schema["type"] = "string";
            schema["enum"] = new JsonArray(shape.Names.Select(n => (JsonNode)n).ToArray());
            schema["enumDescriptions"] = new JsonArray(shape.Labels.Select(l => (JsonNode)l).ToArray());
        }
        else if (ScalarCodec.IsCustomScalar(type))
        {
            schema["type"] = "string";
            schema["pattern"] = (string)type.GetProperty("Pattern")!.GetValue(null)!;
        }
        else if (TypeShape.ListElement(type) is { } element)
        {
            if (member?.AsMap == true)
            {
                schema["type"] = "object";
                schema["additionalProperties"] = ObjectSchema(element, context);
            }
            else
            {
                schema["type"] = "array";
                schema["items"] = SchemaFor(element, context);
            }
        }
        else if (TypeShape.MapValue(type) is { } value)
        {
            schema["type"] = "object";
            schema["additionalProperties"] = SchemaFor(value, context);
        }
        else
        {
            if (context.InProgress.Contains(type))
            {
                // A type inside itself: refer to one shared copy in "definitions".
                schema["$ref"] = $"#/definitions/{type.Name}";
                if (!context.Definitions.ContainsKey(type.Name)) context.Definitions[type.Name] = null;
                return schema;
            }
            foreach (var (k, v) in ObjectSchema(type, context)) schema[k] = v?.DeepClone();
        }
        return schema;
    }

    private static JsonObject ObjectSchema(Type type, Context context)
    {
        var shape = TypeShape.Of(type);
        var properties = new JsonObject();
        context.InProgress.Add(type);
        foreach (var member in shape.BodyMembers) properties[member.Key] = SchemaFor(member.Type, context, member);
        context.InProgress.Remove(type);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["title"] = shape.Label,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = shape.BodyMembers.Where(m => m.Required).Select(m => (JsonNode)m.Key).ToArray();
        if (required.Length > 0) schema["required"] = new JsonArray(required);
        if (context.Definitions.ContainsKey(type.Name) && context.Definitions[type.Name] is null)
            context.Definitions[type.Name] = schema.DeepClone();
        return schema;
    }
}
