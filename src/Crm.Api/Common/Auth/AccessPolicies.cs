using Crm.Api.Domain;
using Microsoft.AspNetCore.Authorization;

namespace Crm.Api.Common.Auth;

/// <summary>
/// Who may do what, by area, in one table. Users get access by role; API keys by their scopes
/// (`customers:read`, `customers:write`, ...; write implies read). Record scoping (which customers) is separate:
/// it is the query filter in CrmDbContext.
/// </summary>
public static class AccessPolicies
{
    public const string Admin = "admin";
    public const string ManageOwners = "customers:transfer";
    public const string ServiceDesk = "complaints:standard-answers";
    public const string Audit = "audit:read";

    public static readonly string[] Areas = ["customers", "purchases", "visits", "complaints", "referrals", "points", "tasks"];

    private static readonly Role[] Everyone = [Role.Admin, Role.Manager, Role.Rep, Role.Service, Role.Analyst];
    private static readonly Role[] Sellers = [Role.Admin, Role.Manager, Role.Rep];

    public static string Read(string area) => $"{area}:read";
    public static string Write(string area) => $"{area}:write";

    /// <summary>Every scope an API key may be given.</summary>
    public static IEnumerable<string> AllScopes => Areas.SelectMany(a => new[] { Read(a), Write(a) });

    private static Role[] ReadersOf(string area) => area switch { _ => Everyone };

    private static Role[] WritersOf(string area) => area switch
    {
        "customers" or "purchases" or "visits" or "referrals" => Sellers,
        // Redemptions happen at the sales desk and the service desk; the handler narrows adjustments, goodwill and campaigns.
        "points" or "tasks" => [Role.Admin, Role.Manager, Role.Rep, Role.Service],
        // The complaint desk is the service department's, but anyone who meets the customer may log one.
        "complaints" => [Role.Admin, Role.Manager, Role.Rep, Role.Service],
        _ => [Role.Admin],
    };

    public static void Configure(AuthorizationOptions options)
    {
        foreach (var area in Areas)
        {
            options.AddPolicy(Read(area), p => p.AddRequirements(new AreaAccess(Read(area), ReadersOf(area), [Read(area), Write(area)])));
            options.AddPolicy(Write(area), p => p.AddRequirements(new AreaAccess(Write(area), WritersOf(area), [Write(area)])));
        }
        options.AddPolicy(ServiceDesk, p => p.AddRequirements(new AreaAccess(ServiceDesk, [Role.Admin, Role.Service], [Write("complaints")])));
        options.AddPolicy(Audit, p => p.AddRequirements(new AreaAccess(Audit, [Role.Admin, Role.Manager], [])));
        options.AddPolicy(Admin, p => p.AddRequirements(new AreaAccess(Admin, [Role.Admin], [])));
        options.AddPolicy(ManageOwners, p => p.AddRequirements(new AreaAccess(ManageOwners, [Role.Admin, Role.Manager], [Write("customers")])));
        options.DefaultPolicy = new AuthorizationPolicyBuilder(CrmClaims.SelectorScheme).RequireAuthenticatedUser().Build();
        options.FallbackPolicy = options.DefaultPolicy;
    }
}

public sealed record AreaAccess(string Name, Role[] Roles, string[] Scopes) : IAuthorizationRequirement;

public sealed class AreaAccessHandler : AuthorizationHandler<AreaAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AreaAccess requirement)
    {
        var user = context.User;
        var allowed = user.FindFirst(CrmClaims.Source)?.Value == CrmClaims.SourceApiKey
            ? user.FindAll(CrmClaims.Scope).Any(s => requirement.Scopes.Contains(s.Value))
            : Enum.TryParse<Role>(user.FindFirst(CrmClaims.Role)?.Value, out var role) && requirement.Roles.Contains(role);
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
