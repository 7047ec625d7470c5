using System.Security.Cryptography;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Webhooks;

public sealed record WebhookDto(Guid Id, string Url, string Description, IReadOnlyList<string> EventTypes, bool IsActive, int ConsecutiveFailures,
    DateTime? DisabledAt, string? DisabledReason, DateTime CreatedAt, long Version) : IVersioned
{
    public static WebhookDto From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Description, s.Types, s.IsActive, s.ConsecutiveFailures, s.DisabledAt, s.DisabledReason, s.CreatedAt, s.Version);
}

/// <summary>The only time the signing secret is shown: receivers verify <c>Webhook-Signature</c> with it.</summary>
public sealed record CreatedWebhookDto(WebhookDto Webhook, string Secret);

public sealed record WebhookDeliveryDto(Guid Id, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, DateTime NextAttemptAt,
    int? LastStatusCode, string? LastError, DateTime? LastAttemptAt, DateTime? DeliveredAt, DateTime CreatedAt);

public sealed record WebhookInput(string Url, string? Description, IReadOnlyList<string> EventTypes, bool? IsActive = null);

public sealed class WebhookInputValidator : AbstractValidator<WebhookInput>
{
    public WebhookInputValidator()
    {
        RuleFor(x => x.Url).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.Description).MaximumLength(200);
        RuleFor(x => x.EventTypes).Cascade(CascadeMode.Stop).NotEmpty().MaxItems(50);
        RuleForEach(x => x.EventTypes).MaximumLength(WebhookEventTypes.All.Max(t => t.Length));
        RuleForEach(x => x.EventTypes).Must(t => t == "*" || WebhookEventTypes.All.Contains(t))
            .WithMessage(x => $"Unknown event type. Known: *, {string.Join(", ", WebhookEventTypes.All)}.");
    }
}

internal static class WebhookSecrets
{
    public const string Purpose = "Crm.Webhooks.Secret";

    public static string New() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record ListWebhooksQuery : IRequest<IReadOnlyList<WebhookDto>>;

public sealed class ListWebhooksHandler(CrmDbContext db) : IRequestHandler<ListWebhooksQuery, IReadOnlyList<WebhookDto>>
{
    public async Task<IReadOnlyList<WebhookDto>> Handle(ListWebhooksQuery request, CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).Take(Paging.MaxLimit).ToListAsync(ct)).Select(WebhookDto.From).ToList();
}

public sealed record GetWebhookQuery(Guid Id) : IRequest<WebhookDto>;

public sealed class GetWebhookHandler(CrmDbContext db) : IRequestHandler<GetWebhookQuery, WebhookDto>
{
    public async Task<WebhookDto> Handle(GetWebhookQuery request, CancellationToken ct) =>
        WebhookDto.From(await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.Id, ct) ?? throw new NotFoundException("The webhook"));
}

/// <summary>Subscribes a URL to event types; the URL must pass the SSRF guard. Answers the secret once.</summary>
public sealed record CreateWebhookCommand(WebhookInput Input) : ICommand<(Guid Id, string Secret)>;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator() => RuleFor(x => x.Input).SetValidator(new WebhookInputValidator()).OverridePropertyName("");
}

public sealed class CreateWebhookHandler(CrmDbContext db, WebhookUrlGuard guard, IDataProtectionProvider protection, TimeProvider clock, Caller caller)
    : IRequestHandler<CreateWebhookCommand, (Guid Id, string Secret)>
{
    public async Task<(Guid Id, string Secret)> Handle(CreateWebhookCommand request, CancellationToken ct)
    {
        if (await guard.RefuseAsync(request.Input.Url, ct) is { } reason) throw Invalid.Field("url", reason);
        var secret = WebhookSecrets.New();
        var subscription = new WebhookSubscription
        {
            Url = request.Input.Url, Description = request.Input.Description?.Trim() ?? "", EventTypes = string.Join(',', request.Input.EventTypes.Distinct()),
            ProtectedSecret = protection.CreateProtector(WebhookSecrets.Purpose).Protect(secret), IsActive = request.Input.IsActive ?? true,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = caller.ActorId,
        };
        db.WebhookSubscriptions.Add(subscription);
        return (subscription.Id, secret);
    }
}

/// <summary>Changes URL, description, event types or active state (If-Match). Re-enabling clears the failure count.</summary>
public sealed record UpdateWebhookCommand(Guid Id, long ExpectedVersion, WebhookInput Input) : ICommand<Unit>;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator() => RuleFor(x => x.Input).SetValidator(new WebhookInputValidator()).OverridePropertyName("");
}

public sealed class UpdateWebhookHandler(CrmDbContext db, WebhookUrlGuard guard) : IRequestHandler<UpdateWebhookCommand, Unit>
{
    public async Task<Unit> Handle(UpdateWebhookCommand request, CancellationToken ct)
    {
        var s = await db.WebhookSubscriptions.FirstOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new NotFoundException("The webhook");
        Preconditions.EnsureVersion(s.Version, request.ExpectedVersion);
        if (await guard.RefuseAsync(request.Input.Url, ct) is { } reason) throw Invalid.Field("url", reason);
        s.Url = request.Input.Url;
        s.Description = request.Input.Description?.Trim() ?? "";
        s.EventTypes = string.Join(',', request.Input.EventTypes.Distinct());
        if (request.Input.IsActive is { } active && active != s.IsActive)
        {
            s.IsActive = active;
            if (active) (s.ConsecutiveFailures, s.DisabledAt, s.DisabledReason) = (0, null, null);
        }
        return Unit.Value;
    }
}

public sealed record DeleteWebhookCommand(Guid Id) : ICommand<Unit>;

public sealed class DeleteWebhookHandler(CrmDbContext db) : IRequestHandler<DeleteWebhookCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookCommand request, CancellationToken ct)
    {
        db.WebhookSubscriptions.Remove(await db.WebhookSubscriptions.FirstOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new NotFoundException("The webhook"));
        return Unit.Value;
    }
}

/// <summary>The delivery log of one webhook, newest first, optionally by status.</summary>
public sealed record ListDeliveriesQuery(Guid WebhookId, DeliveryStatus? Status, int? Limit, string? Cursor) : IRequest<Page<WebhookDeliveryDto>>;

public sealed class ListDeliveriesHandler(CrmDbContext db) : IRequestHandler<ListDeliveriesQuery, Page<WebhookDeliveryDto>>
{
    public async Task<Page<WebhookDeliveryDto>> Handle(ListDeliveriesQuery request, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == request.WebhookId, ct)) throw new NotFoundException("The webhook");
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == request.WebhookId && (request.Status == null || d.Status == request.Status));
        return await new Keyset<WebhookDelivery>(deliveries, d => d.Id).PageAsync(d => d.CreatedAt, descending: true, request.Cursor, Paging.Limit(request.Limit),
            q => q.Select(d => new WebhookDeliveryDto(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError,
                d.LastAttemptAt, d.DeliveredAt, d.CreatedAt)), d => (d.CreatedAt, d.Id), ct);
    }
}

/// <summary>Sends a delivery again, with the same event id and body, as soon as the dispatcher next runs.</summary>
public sealed record RedeliverCommand(Guid WebhookId, Guid DeliveryId) : ICommand<Unit>;

public sealed class RedeliverHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<RedeliverCommand, Unit>
{
    public async Task<Unit> Handle(RedeliverCommand request, CancellationToken ct)
    {
        var d = await db.WebhookDeliveries.FirstOrDefaultAsync(x => x.Id == request.DeliveryId && x.SubscriptionId == request.WebhookId, ct)
            ?? throw new NotFoundException("The delivery");
        (d.Status, d.NextAttemptAt, d.LeaseUntil, d.LeaseToken) = (DeliveryStatus.Pending, clock.GetUtcNow().UtcDateTime, null, null);
        return Unit.Value;
    }
}
