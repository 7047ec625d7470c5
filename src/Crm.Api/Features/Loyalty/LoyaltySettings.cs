using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Loyalty;

public sealed record MembershipTierDto(string Name, long MinPointsEarned12Months, string Benefits);

/// <summary>Points and referral policy, and the membership tiers (会员俱乐部).</summary>
public sealed record LoyaltySettingsDto(decimal PointsPerCurrencyUnit, long ReferralRewardPoints, int ReferralMustCloseDays, int ThanksDueDays,
    IReadOnlyList<MembershipTierDto> Tiers, long Version, double WinBackLapseFactor) : IVersioned;

public sealed record GetLoyaltySettingsQuery : IRequest<LoyaltySettingsDto>;

public sealed class GetLoyaltySettingsHandler(CrmDbContext db) : IRequestHandler<GetLoyaltySettingsQuery, LoyaltySettingsDto>
{
    public async Task<LoyaltySettingsDto> Handle(GetLoyaltySettingsQuery request, CancellationToken ct)
    {
        var policy = await db.LoyaltyPolicies.AsNoTracking().SingleAsync(ct);
        var tiers = await db.MembershipTiers.AsNoTracking().OrderBy(t => t.MinPointsEarned12Months).ToListAsync(ct);
        return new LoyaltySettingsDto(policy.PointsPerCurrencyUnit, policy.ReferralRewardPoints, policy.ReferralMustCloseDays, policy.ThanksDueDays,
            tiers.Select(t => new MembershipTierDto(t.Name, t.MinPointsEarned12Months, t.Benefits)).ToList(), policy.Version, policy.WinBackLapseFactor);
    }
}

/// <param name="WinBackLapseFactor">Absent: unchanged.</param>
public sealed record UpdateLoyaltySettingsRequest(decimal PointsPerCurrencyUnit, long ReferralRewardPoints, int ReferralMustCloseDays, int ThanksDueDays,
    IReadOnlyList<MembershipTierDto> Tiers, double? WinBackLapseFactor = null);

public sealed record UpdateLoyaltySettingsCommand(long ExpectedVersion, UpdateLoyaltySettingsRequest Settings) : ICommand<Unit>;

public sealed class UpdateLoyaltySettingsValidator : AbstractValidator<UpdateLoyaltySettingsCommand>
{
    public UpdateLoyaltySettingsValidator()
    {
        RuleFor(x => x.Settings.PointsPerCurrencyUnit).InclusiveBetween(0, 100).OverridePropertyName("pointsPerCurrencyUnit");
        RuleFor(x => x.Settings.ReferralRewardPoints).InclusiveBetween(0, 1_000_000).OverridePropertyName("referralRewardPoints");
        RuleFor(x => x.Settings.ReferralMustCloseDays).InclusiveBetween(1, 365).OverridePropertyName("referralMustCloseDays");
        RuleFor(x => x.Settings.ThanksDueDays).InclusiveBetween(1, 90).OverridePropertyName("thanksDueDays");
        RuleFor(x => x.Settings.WinBackLapseFactor).InclusiveBetween(1, 10).OverridePropertyName("winBackLapseFactor");
        RuleFor(x => x.Settings.Tiers).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(t => t.Any(x => x.MinPointsEarned12Months == 0)).WithMessage("One tier must start at 0 points so that every customer has a tier.")
            .Must(t => t.Select(x => x.Name?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == t.Count).WithMessage("Tier names must differ.")
            .Must(t => t.Select(x => x.MinPointsEarned12Months).Distinct().Count() == t.Count).WithMessage("Tier thresholds must differ.")
            .MaxItems(10).OverridePropertyName("tiers");
        RuleForEach(x => x.Settings.Tiers).ChildRules(t =>
        {
            t.RuleFor(x => x.Name).NotEmpty().MaximumLength(50);
            t.RuleFor(x => x.MinPointsEarned12Months).InclusiveBetween(0, 1_000_000_000);
            t.RuleFor(x => x.Benefits).MaximumLength(1000);
        }).OverridePropertyName("tiers");
    }
}

/// <summary>Changes the policy and tiers. New tiers apply to each customer at their next ledger change.</summary>
public sealed class UpdateLoyaltySettingsHandler(CrmDbContext db) : IRequestHandler<UpdateLoyaltySettingsCommand, Unit>
{
    public async Task<Unit> Handle(UpdateLoyaltySettingsCommand request, CancellationToken ct)
    {
        var policy = await db.LoyaltyPolicies.SingleAsync(ct);
        Preconditions.EnsureVersion(policy.Version, request.ExpectedVersion);
        var s = request.Settings;
        (policy.PointsPerCurrencyUnit, policy.ReferralRewardPoints, policy.ReferralMustCloseDays, policy.ThanksDueDays) =
            (s.PointsPerCurrencyUnit, s.ReferralRewardPoints, s.ReferralMustCloseDays, s.ThanksDueDays);
        policy.WinBackLapseFactor = s.WinBackLapseFactor ?? policy.WinBackLapseFactor;
        db.Entry(policy).State = EntityState.Modified;
        db.MembershipTiers.RemoveRange(await db.MembershipTiers.ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.MembershipTiers.AddRange(s.Tiers.Select(t => new MembershipTier { Name = t.Name.Trim(), MinPointsEarned12Months = t.MinPointsEarned12Months, Benefits = t.Benefits?.Trim() ?? "" }));
        return Unit.Value;
    }
}
