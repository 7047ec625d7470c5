using System.Text.Json;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Contract;

/// <summary>openapi.yaml at the repository root is the contract: it must be exactly what the API generates.</summary>
public sealed class OpenApiContractTests(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    private static readonly string ContractPath = Path.Combine(RepositoryRoot(), "openapi.yaml");

    [Fact]
    public async Task The_committed_contract_matches_the_generated_document()
    {
        var generated = (await App.NewClient().GetStringAsync("/openapi/v1.yaml")).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("CRM_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(ContractPath, generated);

        Assert.True(File.Exists(ContractPath), "openapi.yaml is missing: run scripts/update-openapi.sh");
        var committed = (await File.ReadAllTextAsync(ContractPath)).ReplaceLineEndings("\n");
        Assert.True(committed == generated,
            "openapi.yaml differs from the document the API generates. Run scripts/update-openapi.sh and commit the result. First difference near: "
            + FirstDifference(committed, generated));
    }

    [Fact]
    public async Task Every_operation_has_an_id_summary_tag_documented_responses_and_security()
    {
        using var document = JsonDocument.Parse(await App.NewClient().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        Assert.True(root.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Count() >= 3);
        var anonymous = new HashSet<string> { "LogIn", "IssueToken", "RefreshToken" };
        var ids = new HashSet<string>();
        var count = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            count++;
            var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            Assert.True(operation.Value.TryGetProperty("operationId", out var id), $"{where} has no operationId");
            Assert.True(ids.Add(id.GetString()!), $"{where}: operationId {id} is not unique");
            Assert.True(operation.Value.TryGetProperty("summary", out _), $"{where} has no summary");
            Assert.True(operation.Value.GetProperty("tags").GetArrayLength() == 1, $"{where} needs exactly one tag");
            var responses = operation.Value.GetProperty("responses");
            Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{where} documents no success response");
            if (anonymous.Contains(id.GetString()!)) continue;
            Assert.True(operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() == 3, $"{where} declares no security");
            Assert.True(responses.TryGetProperty("401", out _), $"{where} does not document 401");
        }
        Assert.True(count > 30, $"only {count} operations found");
    }

    [Fact]
    public async Task Query_parameters_are_camel_case_like_the_json()
    {
        var yaml = await App.NewClient().GetStringAsync("/openapi/v1.yaml");
        Assert.Contains("name: isKeyAccount", yaml);
        Assert.DoesNotContain("name: IsKeyAccount", yaml);
    }

    private static string FirstDifference(string a, string b)
    {
        var lines1 = a.Split('\n');
        var lines2 = b.Split('\n');
        for (var i = 0; i < Math.Max(lines1.Length, lines2.Length); i++)
        {
            var l1 = i < lines1.Length ? lines1[i] : "<end>";
            var l2 = i < lines2.Length ? lines2[i] : "<end>";
            if (l1 != l2) return $"line {i + 1}: committed '{l1.Trim()}' vs generated '{l2.Trim()}'";
        }
        return "(none)";
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Crm.Api.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Crm.Api.sln not found above " + AppContext.BaseDirectory);
    }
}
