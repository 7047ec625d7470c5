using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.ApiKeys;

public sealed record ApiKeyDto : IVersioned
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; init; }
    public long Version { get; init; }

    public static ApiKeyDto From(ApiKey k) => new()
    {
        Id = k.Id, Name = k.Name, Prefix = k.Prefix, Scopes = k.Scopes, CreatedAt = k.CreatedAt, LastUsedAt = k.LastUsedAt,
        ExpiresAt = k.ExpiresAt, RevokedAt = k.RevokedAt, Version = k.Version,
    };
}

/// <summary>The only time the secret is shown: store it now, it cannot be read back.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto ApiKey, string Key);

public sealed record ListApiKeysQuery : IRequest<Page<ApiKeyDto>>;

public sealed class ListApiKeysHandler(CrmDbContext db) : IRequestHandler<ListApiKeysQuery, Page<ApiKeyDto>>
{
    public async Task<Page<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).Take(Paging.MaxLimit).ToListAsync(cancellationToken);
        return new Page<ApiKeyDto>(keys.Select(ApiKeyDto.From).ToList(), null);
    }
}

public sealed record CreateApiKeyCommand(string Name, IReadOnlyList<string> Scopes, DateTime? ExpiresAt) : ICommand<CreatedApiKeyDto>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Scopes).Cascade(CascadeMode.Stop).NotEmpty().MaxItems(50);
        RuleForEach(x => x.Scopes).MaximumLength(AccessPolicies.AllScopes.Max(s => s.Length));
        RuleForEach(x => x.Scopes).Must(s => AccessPolicies.AllScopes.Contains(s))
            .WithMessage($"Unknown scope. Known scopes: {string.Join(", ", AccessPolicies.AllScopes)}.");
        RuleFor(x => x.ExpiresAt).GreaterThan(_ => clock.GetUtcNow().UtcDateTime).When(x => x.ExpiresAt is not null)
            .WithMessage("expiresAt must be in the future.");
    }
}

public sealed class CreateApiKeyHandler(CrmDbContext db) : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var (key, prefix, hash) = ApiKeySecrets.Create();
        var apiKey = new ApiKey
        {
            Name = request.Name.Trim(), Prefix = prefix, SecretHash = hash, Scopes = request.Scopes.Distinct().ToList(),
            ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
        };
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(ApiKeyDto.From(apiKey), key);
    }
}

public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<ApiKeyDto>;

public sealed class RevokeApiKeyHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<RevokeApiKeyCommand, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The API key");
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return ApiKeyDto.From(key);
    }
}
