using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Json;

/// <summary>
/// JSON options for definition models over the API: the same kebab-case keys and enum codes as
/// the YAML files, so the designer and a reviewer read one vocabulary.
/// </summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        // A key renamed in the files (form rules' `rule`, make-up days' `for`) has the same name in JSON.
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties)
                        if (property.AttributeProvider?.GetCustomAttributes(typeof(YamlNameAttribute), false) is [YamlNameAttribute name, ..])
                            property.Name = name.Name;
                },
            },
        };
        options.Converters.Add(new EnumCodeConverterFactory());
        options.Converters.Add(new DurationConverter());
        return options;
    }

    private sealed class EnumCodeConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EnumCodeConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class EnumCodeConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? "";
            return ScalarCodec.TryRead(typeof(T), text, out var value, out var error) ? (T)value! : throw new JsonException(error);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ScalarCodec.Write(value));
    }

    private sealed class DurationConverter : JsonConverter<Duration>
    {
        public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Duration.TryParse(reader.GetString() ?? "", out var value, out var error) ? value : throw new JsonException(error);

        public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToYaml());
    }
}
