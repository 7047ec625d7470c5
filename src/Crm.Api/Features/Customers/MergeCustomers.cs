using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Loyalty;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record MergeCustomersRequest(Guid DuplicateId);

/// <summary>What moved from the duplicate to the survivor.</summary>
public sealed record MergedCountsDto(int Contacts, int Purchases, int Visits, int Complaints, int Referrals, int Tasks, int Assessments, int ImportantDates, int Tags, long Points);

public sealed record MergeResultDto(CustomerDto Survivor, Guid DuplicateId, MergedCountsDto Moved);

/// <summary>
/// Merges a duplicate into the survivor: contacts (the survivor keeps its primary), purchases, visits, complaints,
/// referrals made (and the referral that brought the duplicate in, when the survivor has none), customers it referred,
/// tasks, assessments, important dates and tags move over; the points balance moves as a pair of ledger lines so both
/// ledgers still add up; the duplicate is archived. One transaction: all of it or nothing.
/// </summary>
public sealed record MergeCustomersCommand(Guid SurvivorId, Guid DuplicateId, long? ExpectedVersion) : ICommand<MergedCountsDto>;

public sealed class MergeCustomersValidator : AbstractValidator<MergeCustomersCommand>
{
    public MergeCustomersValidator() =>
        RuleFor(x => x.DuplicateId).NotEmpty().NotEqual(x => x.SurvivorId).WithMessage("A customer cannot be merged into itself.");
}

public sealed class MergeCustomersHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<MergeCustomersCommand, MergedCountsDto>
{
    public async Task<MergedCountsDto> Handle(MergeCustomersCommand request, CancellationToken ct)
    {
        var survivor = await db.Customers.Include(c => c.Tags).FirstOrDefaultAsync(c => c.Id == request.SurvivorId, ct) ?? throw new NotFoundException("The customer");
        var duplicate = await db.Customers.Include(c => c.Tags).Include(c => c.ImportantDates).FirstOrDefaultAsync(c => c.Id == request.DuplicateId, ct)
            ?? throw new NotFoundException("The duplicate customer");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(survivor.Version, expected);
        if (survivor.IsArchived) throw new DomainRuleException("The survivor is archived; restore it first.");
        if (duplicate.IsArchived) throw new DomainRuleException("The duplicate is already archived.");
        var (id, dup) = (survivor.Id, duplicate.Id);

        var survivorHasPrimary = await db.Contacts.AnyAsync(c => c.CustomerId == id && c.IsPrimary, ct);
        var contacts = await db.Contacts.Where(c => c.CustomerId == dup).ToListAsync(ct);
        foreach (var c in contacts)
        {
            c.CustomerId = id;
            if (survivorHasPrimary) c.IsPrimary = false;
        }
        var purchases = await db.Purchases.Where(p => p.CustomerId == dup).ToListAsync(ct);
        purchases.ForEach(p => p.CustomerId = id);
        var visits = await db.Visits.Where(v => v.CustomerId == dup).ToListAsync(ct);
        visits.ForEach(v => v.CustomerId = id);
        var complaints = await db.Complaints.Where(c => c.CustomerId == dup).ToListAsync(ct);
        complaints.ForEach(c => c.CustomerId = id);
        var tasks = await db.Tasks.Where(t => t.CustomerId == dup).ToListAsync(ct);
        tasks.ForEach(t => t.CustomerId = id);
        var assessments = await db.Assessments.Where(a => a.CustomerId == dup).ToListAsync(ct);
        assessments.ForEach(a => a.CustomerId = id);

        // Referrals are seen from both ends, whoever's scope they are in.
        var made = await db.Referrals.IgnoreQueryFilters().Where(r => r.ReferrerId == dup && r.ReferredId != id).ToListAsync(ct);
        made.ForEach(r => r.ReferrerId = id);
        var broughtIn = await db.Referrals.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.ReferredId == dup && r.ReferrerId != id, ct);
        if (broughtIn is not null && !await db.Referrals.IgnoreQueryFilters().AnyAsync(r => r.ReferredId == id, ct))
        {
            broughtIn.ReferredId = id;
            survivor.ReferredById ??= broughtIn.ReferrerId;
        }
        foreach (var referred in await db.Customers.IgnoreQueryFilters().Where(c => c.ReferredById == dup && c.Id != id).ToListAsync(ct))
            referred.ReferredById = id;

        var dates = duplicate.ImportantDates.ToList();
        foreach (var d in dates) d.CustomerId = id;
        var newTags = duplicate.Tags.Select(t => t.Tag).Where(t => !survivor.Tags.Any(s => string.Equals(s.Tag, t, StringComparison.OrdinalIgnoreCase))).ToList();
        survivor.ReplaceTags(survivor.Tags.Select(t => t.Tag).Concat(newTags).ToList());

        var now = clock.GetUtcNow().UtcDateTime;
        var points = duplicate.Points;
        if (points > 0)
        {
            await PointsLedger.PostAsync(db, duplicate, new PointsEntry { Kind = PointsKind.Adjust, Source = PointsSource.Merge, Amount = -points, Reason = $"Merged into {survivor.Code}" }, now, ct);
            await PointsLedger.PostAsync(db, survivor, new PointsEntry { Kind = PointsKind.Adjust, Source = PointsSource.Merge, Amount = points, Reason = $"Merged from {duplicate.Code}" }, now, ct);
        }
        if (purchases.Count > 0) survivor.RecordPurchase();
        duplicate.Archive(now);
        return new MergedCountsDto(contacts.Count, purchases.Count, visits.Count, complaints.Count, made.Count + (broughtIn?.ReferredId == id ? 1 : 0),
            tasks.Count, assessments.Count, dates.Count, newTags.Count, points);
    }
}
