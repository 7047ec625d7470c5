using Crm.Api.Domain;
using Crm.Api.Persistence;

namespace Crm.Api.Common.Auth;

/// <summary>
/// What <see cref="CallerMiddleware"/> needs of a signed-in user: role, team, disabled flag, for a manager the team's
/// members, and for a mobile token whether its session is still signed in.
/// </summary>
public sealed record CallerRecord(Guid Id, Role Role, Guid? TeamId, bool IsDisabled, List<Guid> TeamMembers, bool SessionSignedIn);

/// <summary>
/// The callers that <see cref="CallerMiddleware"/> reads on every request (by user, and by mobile session), kept for
/// <c>Crm:Caching:CallerSeconds</c> (default 15 s; 0 reads the database on every request). Disabling a user, changing
/// a role or a team, or signing a session out takes effect at once on the replica that made the change and within
/// that time on the others: a save of any user, team or session empties this replica's copy.
/// </summary>
public sealed class CallerCache(TimeProvider clock, IConfiguration config)
    : ReplicaCache<(Guid UserId, Guid? SessionId), CallerRecord?>(clock, TimeSpan.FromSeconds(config.GetValue("Crm:Caching:CallerSeconds", 15)))
{
    protected override bool Watches(Type entityType) => entityType == typeof(User) || entityType == typeof(Team) || entityType == typeof(RefreshSession);
}
