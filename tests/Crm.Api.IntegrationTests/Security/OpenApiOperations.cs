using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Crm.Api.IntegrationTests.Security;

/// <summary>One operation of the committed contract, as the abuse suite needs it.</summary>
public sealed record ApiOperation(string Method, string Path, string Id, bool Anonymous, JsonObject? Body)
{
    public bool IsUnsafe => Method is not ("GET" or "HEAD" or "OPTIONS");

    /// <summary>The path's parameters in order, e.g. ["customerId", "contactId"].</summary>
    public IReadOnlyList<string> Parameters { get; } =
        System.Text.RegularExpressions.Regex.Matches(Path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value).ToList();

    /// <summary>The resource a path parameter names: the segment before it ("/visits/{id}" → "visits").</summary>
    public string ResourceOf(string parameter)
    {
        var segments = Path.Split('/');
        var at = Array.IndexOf(segments, "{" + parameter + "}");
        return at > 0 ? segments[at - 1] : "";
    }

    /// <summary>The path with every parameter filled in by <paramref name="value"/>.</summary>
    public string Url(Func<string, string> value) =>
        Parameters.Aggregate(Path, (path, parameter) => path.Replace("{" + parameter + "}", value(parameter), StringComparison.Ordinal));

    public override string ToString() => $"{Method} {Path} ({Id})";
}

/// <summary>
/// Reads openapi.yaml at the repository root (the committed contract, which OpenApiContractTests keeps equal to what
/// the API generates), so every operation there is covered by the generated abuse checks.
/// </summary>
public static class OpenApiOperations
{
    private static readonly Lazy<IReadOnlyList<ApiOperation>> Document = new(Load);

    public static IReadOnlyList<ApiOperation> All => Document.Value;

    public static ApiOperation Get(string id) => All.Single(o => o.Id == id);

    private static IReadOnlyList<ApiOperation> Load()
    {
        var path = System.IO.Path.Combine(Crm.Api.IntegrationTests.Contract.OpenApiContractTests.RepositoryRoot(), "openapi.yaml");
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(path));
        var document = (JsonObject)ToJson(yaml)!;
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (route, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var body = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
            operations.Add(new ApiOperation(method.ToUpperInvariant(), route, operation["operationId"]!.GetValue<string>(),
                operation["security"] is null, body is null ? null : Resolve(body, schemas)));
        }
        return operations;
    }

    /// <summary>The schema with every $ref replaced by its definition (the request bodies have no cycles).</summary>
    private static JsonObject Resolve(JsonNode schema, JsonObject schemas, int depth = 0)
    {
        if (depth > 20) throw new InvalidOperationException("The request schema nests too deep (a cycle?).");
        var node = schema.AsObject();
        if (node["$ref"]?.GetValue<string>() is { } reference)
            return Resolve(schemas[reference.Split('/')[^1]]!, schemas, depth + 1);
        var copy = new JsonObject();
        foreach (var (key, value) in node)
        {
            copy[key] = value switch
            {
                JsonObject o when key is "items" or "additionalProperties" || o.ContainsKey("$ref") => Resolve(o, schemas, depth + 1),
                JsonObject o when key == "properties" => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Resolve(p.Value!, schemas, depth + 1)))),
                JsonArray a when key is "anyOf" or "oneOf" or "allOf" => new JsonArray(a.Select(x => (JsonNode?)Resolve(x!, schemas, depth + 1)).ToArray()),
                _ => value?.DeepClone(),
            };
        }
        return copy;
    }

    private static JsonNode? ToJson(object? yaml) => yaml switch
    {
        IDictionary<object, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key.ToString()!, ToJson(kv.Value)))),
        IList<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        null => null,
        var scalar => JsonValue.Create(scalar.ToString()),
    };

    /// <summary>
    /// Every string a request body can carry, as a JSON path ("name", "record.summary", "tags[]", "indicators[].name"),
    /// with whether it is free text (no enum, no format such as date or uuid).
    /// </summary>
    public static IEnumerable<(string Path, bool FreeText)> Strings(JsonObject schema, string prefix = "")
    {
        var variants = (schema["anyOf"] ?? schema["oneOf"])?.AsArray().Select(v => v!.AsObject()).Where(v => TypeOf(v) != "null").ToList();
        if (variants is { Count: > 0 })
        {
            foreach (var found in variants.SelectMany(v => Strings(v, prefix)).DistinctBy(s => s.Path)) yield return found;
            yield break;
        }
        switch (TypeOf(schema))
        {
            case "object":
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                foreach (var found in Strings(property!.AsObject(), prefix.Length == 0 ? name : $"{prefix}.{name}"))
                    yield return found;
                break;
            case "array":
                foreach (var found in Strings(schema["items"]!.AsObject(), prefix + "[]")) yield return found;
                break;
            case "string":
                yield return (prefix, schema["enum"] is null && schema["format"] is null && schema["pattern"] is null);
                break;
        }
    }

    /// <summary>A body with only <paramref name="path"/> set (arrays get one element), e.g. {"record":{"summary":"..."}}.</summary>
    public static JsonNode BodyWith(string path, JsonNode value)
    {
        var head = path.Split('.', 2);
        var (name, rest) = (head[0], head.Length > 1 ? head[1] : null);
        var isArray = name.EndsWith("[]", StringComparison.Ordinal);
        name = name.TrimEnd('[', ']');
        JsonNode inner = rest is null ? value : BodyWith(rest, value);
        if (isArray) inner = new JsonArray(inner);
        return name.Length == 0 ? inner : new JsonObject { [name] = inner };
    }

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema["properties"] is not null ? "object" : null,
    };
}
