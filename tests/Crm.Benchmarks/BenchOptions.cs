using System.Globalization;

namespace Crm.Benchmarks;

/// <summary>"--name value" and "--flag" options; nothing more is needed here than a dictionary.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public static BenchOptions Parse(string[] args)
    {
        var line = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            line._values[name] = value;
        }
        return line;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public IEnumerable<string> Names => _values.Keys;

    public string? String(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.GetValueOrDefault(name) is { } text ? int.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public string Path(string name, string fallback) => System.IO.Path.GetFullPath(_values.GetValueOrDefault(name) ?? fallback);

    /// <summary>The folder holding Crm.Api.sln, found upwards from the working directory or the binary.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Crm.Api.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run from inside the repository: Crm.Api.sln was not found above the working directory.");
    }
}
