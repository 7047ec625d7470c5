using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using Crm.Api.Features.Complaints;
using Crm.Api.Features.Contacts;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Purchases;
using Crm.Api.Features.Visits;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Sync;

/// <summary>
/// One changed record: <c>upsert</c> carries the record as it is now (in the field of its type), <c>remove</c> says the
/// client must drop it — it was deleted or has left the caller's scope (a removed customer takes its contacts,
/// purchases, visits and complaints with it).
/// </summary>
public sealed record SyncChangeDto(long Sequence, string Type, Guid Id, Guid CustomerId, string Operation,
    CustomerDto? Customer = null, ContactDto? Contact = null, PurchaseDto? Purchase = null, VisitDto? Visit = null, ComplaintDto? Complaint = null);

/// <summary>A page of changes in sequence order; ask again with <c>nextCursor</c> (always present) until <c>hasMore</c> is false.</summary>
public sealed record SyncPageDto(IReadOnlyList<SyncChangeDto> Changes, string NextCursor, bool HasMore);

/// <summary>
/// Delta sync for mobile clients: every change after the cursor to customers, contacts, purchases, visits and complaints
/// in the caller's scope, oldest first. An empty cursor replays everything, so a client can rebuild its store from
/// nothing; a record changed several times in one page appears once, as it is now.
/// </summary>
public sealed record SyncQuery(string? Since, string? Types, int? Limit) : IRequest<SyncPageDto>;

public sealed class SyncValidator : AbstractValidator<SyncQuery>
{
    public SyncValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, DeltaSync.MaxLimit);
        RuleFor(x => x.Types).MaximumLength(200).Must(t => t is null || DeltaSync.ParseTypes(t) is not null)
            .WithMessage("types is a comma-separated list of customers, contacts, purchases, visits and complaints.");
        RuleFor(x => x.Since).MaximumLength(64).Must(s => s is null || DeltaSync.ParseCursor(s) is not null)
            .WithMessage("The cursor is not one this API gave out; start again without it.");
    }
}

public static class DeltaSync
{
    public const int MaxLimit = 1000;
    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customers"] = "customer", ["contacts"] = "contact", ["purchases"] = "purchase", ["visits"] = "visit", ["complaints"] = "complaint",
    };

    public static List<string>? ParseTypes(string types)
    {
        var names = types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.Any(n => !TypeNames.ContainsKey(n))) return null;
        return names.Select(n => TypeNames[n]).Distinct().ToList();
    }

    public static long? ParseCursor(string cursor)
    {
        if (cursor.Length == 0) return 0;
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(cursor.Replace('-', '+').Replace('_', '/').PadRight((cursor.Length + 3) / 4 * 4, '=')));
            return text.StartsWith("s:", StringComparison.Ordinal) && long.TryParse(text[2..], System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Cursor(long sequence) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(FormattableString.Invariant($"s:{sequence}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class SyncHandler(CrmDbContext db, Caller caller, IMapper mapper, TimeProvider clock) : IRequestHandler<SyncQuery, SyncPageDto>
{
    public async Task<SyncPageDto> Handle(SyncQuery request, CancellationToken ct)
    {
        var since = request.Since is null ? 0 : DeltaSync.ParseCursor(request.Since)!.Value;
        var types = request.Types is null ? ["customer", "contact", "purchase", "visit", "complaint"] : DeltaSync.ParseTypes(request.Types)!;
        var limit = request.Limit ?? 200;

        var changes = db.ChangeRecords.AsNoTracking().Where(c => c.Sequence > since && types.Contains(c.EntityType));
        if (!caller.SeesAllCustomers)
        {
            var owners = caller.VisibleOwnerIds;
            changes = changes.Where(c => owners.Contains(c.OwnerId) || (c.PreviousOwnerId != null && owners.Contains(c.PreviousOwnerId.Value)));
        }
        if (db.Database.IsSqlServer())
        {
            // SQL Server hands out IDENTITY numbers before commit, so a lower number can appear after a higher one was read.
            // Changes younger than a few seconds wait for the next page rather than risk being skipped.
            var settled = clock.GetUtcNow().UtcDateTime.AddSeconds(-5);
            changes = changes.Where(c => c.ChangedAt <= settled);
        }
        var rows = await changes.OrderBy(c => c.Sequence).Take(limit + 1).ToListAsync(ct);
        var hasMore = rows.Count > limit;
        if (hasMore) rows.RemoveAt(limit);

        var latest = rows.GroupBy(r => (r.EntityType, r.EntityId)).Select(g => g.MaxBy(r => r.Sequence)!).OrderBy(r => r.Sequence).ToList();
        var ids = latest.ToLookup(r => r.EntityType, r => r.EntityId);
        // Read through the scope filters: what is not found now is gone for this caller.
        async Task<Dictionary<Guid, TDto>> NowAsync<TEntity, TDto>(IQueryable<TEntity> set, string type, Func<TDto, Guid> idOf) where TEntity : AuditedEntity
        {
            var wanted = ids[type].ToList();
            return wanted.Count == 0 ? [] : await set.AsNoTracking().Where(x => EF.Parameter(wanted).Contains(x.Id)).ProjectTo<TDto>(mapper.ConfigurationProvider).ToDictionaryAsync(idOf, ct);
        }
        var customers = await NowAsync<Customer, CustomerDto>(db.Customers, "customer", d => d.Id);
        var contacts = await NowAsync<Contact, ContactDto>(db.Contacts, "contact", d => d.Id);
        var purchases = await NowAsync<Purchase, PurchaseDto>(db.Purchases, "purchase", d => d.Id);
        var visits = await NowAsync<Visit, VisitDto>(db.Visits, "visit", d => d.Id);
        var complaints = await NowAsync<Complaint, ComplaintDto>(db.Complaints, "complaint", d => d.Id);

        var page = latest.Select(r =>
        {
            SyncChangeDto Upsert(CustomerDto? cu = null, ContactDto? co = null, PurchaseDto? pu = null, VisitDto? vi = null, ComplaintDto? cp = null) =>
                new(r.Sequence, r.EntityType, r.EntityId, r.CustomerId, "upsert", cu, co, pu, vi, cp);
            var remove = new SyncChangeDto(r.Sequence, r.EntityType, r.EntityId, r.CustomerId, "remove");
            return r.EntityType switch
            {
                "customer" => customers.TryGetValue(r.EntityId, out var c) ? Upsert(cu: c) : remove,
                "contact" => contacts.TryGetValue(r.EntityId, out var co) ? Upsert(co: co) : remove,
                "purchase" => purchases.TryGetValue(r.EntityId, out var p) ? Upsert(pu: p) : remove,
                "visit" => visits.TryGetValue(r.EntityId, out var v) ? Upsert(vi: v) : remove,
                _ => complaints.TryGetValue(r.EntityId, out var cp) ? Upsert(cp: cp) : remove,
            };
        }).ToList();
        return new SyncPageDto(page, DeltaSync.Cursor(rows.Count > 0 ? rows[^1].Sequence : since), hasMore);
    }
}

public static class SyncEndpoints
{
    public static void MapSyncEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sync", async ([OpenApiLimits.ValidatedBy(typeof(SyncQuery))] string? since, [OpenApiLimits.ValidatedBy(typeof(SyncQuery))] string? types,
                [OpenApiLimits.ValidatedBy(typeof(SyncQuery))] int? limit, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new SyncQuery(since, types, limit), http.RequestAborted)))
            .WithTags("Sync").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("SyncChanges")
            .WithSummary("Delta sync: changes and removals after the cursor across customers, contacts, purchases, visits and complaints in the caller's scope")
            .Produces<SyncPageDto>().ProducesProblem(400);
    }
}
