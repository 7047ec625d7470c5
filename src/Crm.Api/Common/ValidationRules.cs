using System.Collections;
using FluentValidation;
using FluentValidation.Validators;

namespace Crm.Api.Common;

/// <summary>
/// Validation rules the OpenAPI document can read back (see <see cref="OpenApiLimits"/>): a lambda in <c>Must</c> is
/// opaque, so a limit the contract should declare is written with one of these instead.
/// </summary>
public static class ValidationRules
{
    /// <summary>A list of at most <paramref name="max"/> entries (maxItems in the contract).</summary>
    public static IRuleBuilderOptions<T, TList> MaxItems<T, TList>(this IRuleBuilder<T, TList> rule, int max) where TList : IEnumerable? =>
        rule.SetValidator(new MaxItemsValidator<T, TList>(max));

    /// <summary>Every value of a map lies between <paramref name="min"/> and <paramref name="max"/> (the values' schema in the contract).</summary>
    public static IRuleBuilderOptions<T, TMap> ValuesBetween<T, TMap>(this IRuleBuilder<T, TMap> rule, int min, int max)
        where TMap : IEnumerable<KeyValuePair<string, int>>? =>
        rule.SetValidator(new ValuesBetweenValidator<T, TMap>(min, max));

    /// <summary>One of a fixed set of words (an enum in the contract), compared exactly.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, params string[] allowed) =>
        rule.SetValidator(new OneOfValidator<T>(allowed));
}

public interface IValuesBetweenValidator
{
    int Min { get; }
    int Max { get; }
}

public interface IMaxItemsValidator
{
    int Max { get; }
}

public interface IOneOfValidator
{
    IReadOnlyList<string> Allowed { get; }
}

public sealed class MaxItemsValidator<T, TList>(int max) : PropertyValidator<T, TList>, IMaxItemsValidator where TList : IEnumerable?
{
    public int Max => max;
    public override string Name => "MaxItemsValidator";

    public override bool IsValid(ValidationContext<T> context, TList value)
    {
        context.MessageFormatter.AppendArgument("MaxItems", max);
        if (value is null) return true;
        var count = 0;
        foreach (var _ in value)
            if (++count > max) return false;
        return true;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' takes at most {MaxItems} entries.";
}

public sealed class OneOfValidator<T>(string[] allowed) : PropertyValidator<T, string?>, IOneOfValidator
{
    public IReadOnlyList<string> Allowed => allowed;
    public override string Name => "OneOfValidator";

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        context.MessageFormatter.AppendArgument("Allowed", string.Join(", ", allowed));
        return value is null || allowed.Contains(value, StringComparer.Ordinal);
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' is one of {Allowed}.";
}

public sealed class ValuesBetweenValidator<T, TMap>(int min, int max) : PropertyValidator<T, TMap>, IValuesBetweenValidator
    where TMap : IEnumerable<KeyValuePair<string, int>>?
{
    public int Min => min;
    public int Max => max;
    public override string Name => "ValuesBetweenValidator";

    public override bool IsValid(ValidationContext<T> context, TMap value)
    {
        context.MessageFormatter.AppendArgument("From", min).AppendArgument("To", max);
        return value is null || value.All(pair => pair.Value >= min && pair.Value <= max);
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "Every value of '{PropertyName}' lies between {From} and {To}.";
}
