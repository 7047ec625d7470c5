using Crm.Api.Domain;

namespace Crm.Api.Common;

/// <summary>
/// Who is calling and which customers they may see. Filled once per request (see CallerMiddleware) and read by
/// the global query filters in CrmDbContext, so record scoping lives in one place and never in handlers.
/// Outside a request (start-up, seeding, background work) the caller is the system and sees everything.
/// </summary>
public sealed class Caller
{
    public Guid? UserId { get; private set; }
    public Guid? ApiKeyId { get; private set; }
    public Role? Role { get; private set; }
    public Guid? TeamId { get; private set; }
    public string Source { get; private set; } = "system";

    /// <summary>True when the caller sees every customer (admin, service, analyst, API key, system).</summary>
    public bool SeesAllCustomers { get; private set; } = true;

    /// <summary>Owners whose customers the caller sees when <see cref="SeesAllCustomers"/> is false.</summary>
    public List<Guid> VisibleOwnerIds { get; private set; } = [];

    public bool IsAuthenticated => UserId is not null || ApiKeyId is not null;

    /// <summary>The id recorded in CreatedBy/UpdatedBy: the user, or for an integration the key.</summary>
    public Guid? ActorId => UserId ?? ApiKeyId;

    public void BecomeAnonymous()
    {
        UserId = null; ApiKeyId = null; Role = null; TeamId = null; Source = "anonymous";
        SeesAllCustomers = false;
        VisibleOwnerIds = [];
    }

    public void BecomeUser(Guid userId, Role role, Guid? teamId, string source, IEnumerable<Guid> teamMemberIds)
    {
        UserId = userId; Role = role; TeamId = teamId; Source = source;
        // A rep sees their own customers, a manager their team's; everyone else reads all customers.
        (SeesAllCustomers, VisibleOwnerIds) = role switch
        {
            Domain.Role.Rep => (false, [userId]),
            Domain.Role.Manager => (false, teamMemberIds.Append(userId).Distinct().ToList()),
            _ => (true, new List<Guid>()),
        };
    }

    public void BecomeApiKey(Guid apiKeyId)
    {
        ApiKeyId = apiKeyId; Source = "api-key";
        SeesAllCustomers = true;
        VisibleOwnerIds = [];
    }
}
