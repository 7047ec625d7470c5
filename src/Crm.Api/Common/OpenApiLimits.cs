using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.Api.Common;

/// <summary>
/// Declares in the contract the limits the API enforces, read from the FluentValidation rules that enforce them:
/// maximum lengths, patterns, e-mail format, number ranges, list sizes and fixed sets of words. A limit is declared
/// only where a validator checks it, so the document cannot promise more than the API does.
/// </summary>
public sealed class OpenApiLimits
{
    /// <summary>
    /// Lengths that System.Text.Json itself enforces for these formats: it reads a Guid only as 36 characters, a date as
    /// 10, a time of day in at most 16 (HH:mm:ss.fffffff) and a date-time in at most 42.
    /// </summary>
    private static readonly Dictionary<string, int> FormatLengths = new(StringComparer.Ordinal)
    {
        ["uuid"] = 36, ["date"] = 10, ["time"] = 16, ["date-time"] = 42,
    };

    private readonly Dictionary<(Type, string), Limits> _members = [];

    public OpenApiLimits(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var seen = new HashSet<Type>();
        foreach (var type in typeof(OpenApiLimits).Assembly.GetTypes().Where(IsValidator))
            Read((IValidator)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type), seen);
    }

    /// <summary>Schema transformer: a property or query parameter gets the limits its validators check.</summary>
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var parameter = (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo;
        var member = context.JsonPropertyInfo?.AttributeProvider as PropertyInfo
            ?? parameter?.Member as PropertyInfo
            ?? parameter?.GetCustomAttribute<ValidatedByAttribute>()?.Request.GetProperty(parameter.Name ?? "", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (member?.DeclaringType is { } declaring
            && context.ApplicationServices.GetRequiredService<OpenApiLimits>()._members.TryGetValue((declaring, member.Name), out var limits))
            limits.ApplyTo(schema);
        return Task.CompletedTask;
    }

    /// <summary>Document transformer: strings of a fixed format get the length that format allows, wherever they are.</summary>
    public static void ApplyFormatLengths(OpenApiDocument document)
    {
        var visited = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? []) Walk(schema, visited);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var parameter in operation.Parameters ?? []) Walk(parameter.Schema, visited);
            foreach (var media in operation.RequestBody?.Content?.Values ?? []) Walk(media.Schema, visited);
            foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            foreach (var media in response.Content?.Values ?? []) Walk(media.Schema, visited);
        }
    }

    private static void Walk(IOpenApiSchema? candidate, HashSet<OpenApiSchema> visited)
    {
        if (candidate is not OpenApiSchema schema || !visited.Add(schema)) return;
        if (schema.Format is { } format && FormatLengths.TryGetValue(format, out var length) && IsA(schema, JsonSchemaType.String))
            schema.MaxLength ??= length;
        Walk(schema.Items, visited);
        Walk(schema.AdditionalProperties, visited);
        foreach (var property in schema.Properties?.Values ?? []) Walk(property, visited);
        foreach (var part in (schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])) Walk(part, visited);
    }

    private static bool IsValidator(Type type) =>
        type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
        && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>));

    private void Read(IValidator validator, HashSet<Type> seen)
    {
        // Each validator class once; inline child rules (ChildRules) have no class of their own and are always read.
        if (!validator.GetType().IsGenericType && !seen.Add(validator.GetType())) return;
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            var isCollection = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
            Limits? limits = null;
            if (rule.Member is { DeclaringType: { } declaring } member)
            {
                var key = (declaring, member.Name);
                if (!_members.TryGetValue(key, out var found)) _members[key] = found = new Limits();
                limits = isCollection ? found.Items ??= new Limits() : found;
            }
            foreach (var component in rule.Components)
            {
                if (component.Validator is IChildValidatorAdaptor && ChildValidator(component.Validator) is { } child) Read(child, seen);
                else if (limits is not null) limits.Add(component.Validator);
            }
        }
    }

    /// <summary>The validator behind SetValidator or ChildRules (FluentValidation exposes only its type).</summary>
    private static IValidator? ChildValidator(IPropertyValidator adaptor)
    {
        var parent = adaptor.GetType().GetGenericArguments()[0];
        var context = Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(parent), [null]);
        return adaptor.GetType().GetMethod("GetValidator")?.Invoke(adaptor, [context, null]) as IValidator;
    }

    private static bool IsA(OpenApiSchema schema, JsonSchemaType type) => schema.Type is { } t && (t & type) != 0;

    /// <summary>For a handler's parameter that the endpoint passes on to the same-named property of a validated request.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ValidatedByAttribute(Type request) : Attribute
    {
        public Type Request => request;
    }

    private sealed class Limits
    {
        private int? _maxLength;
        private int? _minLength;
        private string? _pattern;
        private bool _email;
        private decimal? _minimum;
        private decimal? _maximum;
        private bool _exclusiveMinimum;
        private bool _exclusiveMaximum;
        private int? _maxItems;
        private IReadOnlyList<string>? _allowed;

        public Limits? Items { get; set; }

        /// <summary>The values of a map (additionalProperties).</summary>
        public Limits? Values { get; private set; }

        public void Add(IPropertyValidator validator)
        {
            switch (validator)
            {
                case ILengthValidator length:
                    if (length.Max > 0) _maxLength = Math.Max(_maxLength ?? 0, length.Max);
                    if (length.Min > 0) _minLength = Math.Min(_minLength ?? int.MaxValue, length.Min);
                    break;
                case IRegularExpressionValidator regex:
                    _pattern = regex.Expression;
                    break;
                case IEmailValidator:
                    _email = true;
                    break;
                case IMaxItemsValidator items:
                    _maxItems = Math.Max(_maxItems ?? 0, items.Max);
                    break;
                case IValuesBetweenValidator values:
                    Values ??= new Limits();
                    Values.Lower(values.Min, false);
                    Values.Upper(values.Max, false);
                    break;
                case IOneOfValidator oneOf:
                    _allowed = oneOf.Allowed;
                    break;
                case IBetweenValidator between when Number(between.From) is { } from && Number(between.To) is { } to:
                    var exclusive = validator.Name == "ExclusiveBetweenValidator";
                    Lower(from, exclusive);
                    Upper(to, exclusive);
                    break;
                case IComparisonValidator { MemberToCompare: null } comparison when Number(comparison.ValueToCompare) is { } value:
                    switch (comparison.Comparison)
                    {
                        case Comparison.GreaterThan: Lower(value, true); break;
                        case Comparison.GreaterThanOrEqual: Lower(value, false); break;
                        case Comparison.LessThan: Upper(value, true); break;
                        case Comparison.LessThanOrEqual: Upper(value, false); break;
                    }
                    break;
            }
        }

        private void Lower(decimal value, bool exclusive)
        {
            if (_minimum is not null && _minimum >= value) return;
            (_minimum, _exclusiveMinimum) = (value, exclusive);
        }

        private void Upper(decimal value, bool exclusive)
        {
            if (_maximum is not null && _maximum <= value) return;
            (_maximum, _exclusiveMaximum) = (value, exclusive);
        }

        private static decimal? Number(object? value) => value switch
        {
            int i => i, long l => l, short s => s, decimal d => d, double d => (decimal)d, float f => (decimal)f,
            _ => null,
        };

        public void ApplyTo(OpenApiSchema schema)
        {
            if (IsA(schema, JsonSchemaType.String))
            {
                if (_maxLength is { } max) schema.MaxLength = max;
                if (_minLength is { } min) schema.MinLength = min;
                if (_pattern is not null) schema.Pattern = _pattern;
                if (_email) schema.Format = "email";
                if (_allowed is not null)
                {
                    schema.Enum = [.. _allowed.Select(a => (JsonNode)JsonValue.Create(a))];
                    if (IsA(schema, JsonSchemaType.Null)) schema.Enum.Add(null!);
                }
            }
            if (IsA(schema, JsonSchemaType.Integer) || IsA(schema, JsonSchemaType.Number))
            {
                var integer = IsA(schema, JsonSchemaType.Integer);
                if (_minimum is { } low)
                {
                    if (!_exclusiveMinimum) schema.Minimum = Text(low);
                    else if (integer) schema.Minimum = Text(decimal.Floor(low) + 1);
                    else schema.ExclusiveMinimum = Text(low);
                }
                if (_maximum is { } high)
                {
                    if (!_exclusiveMaximum) schema.Maximum = Text(high);
                    else if (integer) schema.Maximum = Text(decimal.Ceiling(high) - 1);
                    else schema.ExclusiveMaximum = Text(high);
                }
            }
            if (IsA(schema, JsonSchemaType.Array))
            {
                if (_maxItems is { } maxItems) schema.MaxItems = maxItems;
                if (Items is not null && schema.Items is OpenApiSchema items) Items.ApplyTo(items);
            }
            if (Values is not null && schema.AdditionalProperties is OpenApiSchema values) Values.ApplyTo(values);
        }

        private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
