using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace Crm.Api.Features.Customers;

/// <summary>
/// The customer list: filters, sort (name, code, level, points, createdAt, updatedAt; prefix '-' for descending),
/// keyset paging, and <c>q</c>, a prefix search over name (and each word of it), code, phone, e-mail and contact
/// names, mobiles and e-mails. Archived customers are left out unless includeArchived=true or lifecycle=Archived.
/// </summary>
public sealed record ListCustomersQuery : IRequest<Page<CustomerSummaryDto>>
{
    public string? Q { get; init; }
    public CustomerLevel? Level { get; init; }
    public bool? IsKeyAccount { get; init; }
    public Lifecycle? Lifecycle { get; init; }
    public CustomerState? State { get; init; }
    public EnterpriseType? EnterpriseType { get; init; }
    public string? Region { get; init; }
    public string? Industry { get; init; }
    public Guid? OwnerId { get; init; }
    public Guid? TeamId { get; init; }
    public LeadSource? LeadSource { get; init; }
    public bool? IsAlerted { get; init; }
    public CustomerOrigin? Origin { get; init; }
    public ChainPosition? ChainPosition { get; init; }
    public string? Tag { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedTo { get; init; }
    public DateTime? UpdatedFrom { get; init; }
    public DateTime? UpdatedTo { get; init; }
    public bool? IncludeArchived { get; init; }
    public string? Sort { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class ListCustomersValidator : AbstractValidator<ListCustomersQuery>
{
    public static readonly string[] SortFields = ["name", "code", "level", "points", "createdAt", "updatedAt"];

    public ListCustomersValidator()
    {
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Region).MaximumLength(100);
        RuleFor(x => x.Industry).MaximumLength(100);
        RuleFor(x => x.Tag).MaximumLength(50);
        RuleFor(x => x.Cursor).MaximumLength(Paging.MaxCursorLength);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Sort).MaximumLength(SortFields.Max(f => f.Length) + 1).Must(s => s is null || SortFields.Contains(s.TrimStart('-')))
            .WithMessage($"sort must be one of {string.Join(", ", SortFields)}, optionally prefixed with '-'.");
    }
}

public sealed class ListCustomersHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<ListCustomersQuery, Page<CustomerSummaryDto>>
{
    public async Task<Page<CustomerSummaryDto>> Handle(ListCustomersQuery r, CancellationToken cancellationToken)
    {
        var query = db.Customers.AsNoTracking();
        if (r.IncludeArchived != true && r.Lifecycle != Lifecycle.Archived) query = query.Where(c => PlannerHints.Usually(c.ArchivedAt == null));
        if (r.Level is { } level) query = query.Where(c => c.Level == level);
        if (r.IsKeyAccount is { } key) query = query.Where(c => c.IsKeyAccount == key);
        if (r.Lifecycle is { } lifecycle) query = query.Where(c => c.Lifecycle == lifecycle);
        if (r.State is { } state) query = state == CustomerState.Potential
            ? query.Where(c => c.Lifecycle == Lifecycle.Prospect)
            : query.Where(c => c.Lifecycle != Lifecycle.Prospect);
        if (r.EnterpriseType is { } type) query = query.Where(c => c.EnterpriseType == type);
        if (!string.IsNullOrWhiteSpace(r.Region)) query = query.Where(c => c.Region == r.Region);
        if (!string.IsNullOrWhiteSpace(r.Industry)) query = query.Where(c => c.Industry == r.Industry);
        if (r.OwnerId is { } owner) query = query.Where(c => c.OwnerId == owner);
        if (r.TeamId is { } team) query = query.Where(c => c.Owner!.TeamId == team);
        if (r.LeadSource is { } source) query = query.Where(c => c.LeadSource == source);
        if (r.IsAlerted is { } alerted) query = query.Where(c => c.IsAlerted == alerted);
        if (r.Origin is { } origin) query = query.Where(c => c.Origin == origin);
        if (r.ChainPosition is { } chain) query = query.Where(c => c.ChainPosition == chain);
        if (!string.IsNullOrWhiteSpace(r.Tag)) query = await TaggedAsync(query, r.Tag, cancellationToken);
        if (r.CreatedFrom is { } cf) query = query.Where(c => c.CreatedAt >= cf.ToUniversalTime());
        if (r.CreatedTo is { } ct) query = query.Where(c => c.CreatedAt < ct.ToUniversalTime());
        if (r.UpdatedFrom is { } uf) query = query.Where(c => c.UpdatedAt >= uf.ToUniversalTime());
        if (r.UpdatedTo is { } ut) query = query.Where(c => c.UpdatedAt < ut.ToUniversalTime());
        var searched = !string.IsNullOrWhiteSpace(r.Q);
        if (searched) query = Search(query, r.Q!);

        var keyset = new Keyset<Customer>(query, c => c.Id);
        var limit = Paging.Limit(r.Limit);
        var descending = r.Sort?.StartsWith('-') == true;
        return r.Sort?.TrimStart('-') switch
        {
            "code" => await PageAsync(c => c.Code, d => (d.Code, d.Id)),
            "level" => await PageAsync(c => (int)c.Level, d => ((int)d.Level, d.Id)),
            "points" => await PageAsync(c => c.Points, d => (d.Points, d.Id)),
            "createdAt" => await PageAsync(c => c.CreatedAt, d => (d.CreatedAt, d.Id)),
            "updatedAt" => await PageAsync(c => c.UpdatedAt, d => (d.UpdatedAt, d.Id)),
            "name" => await PageAsync(c => c.Name, d => (d.Name, d.Id)),
            _ => await PageAsync(c => c.ListOrder, d => ((d.IsPriorityLead ? "0" : "1") + d.Name, d.Id), ascendingOnly: true),
        };

        Task<Page<CustomerSummaryDto>> PageAsync<TKey>(Expression<Func<Customer, TKey>> key, Func<CustomerSummaryDto, (TKey, Guid)> keyOf, bool ascendingOnly = false)
        {
            var desc = descending && !ascendingOnly;
            return keyset.PageAsync(key, desc, r.Cursor, limit, searched ? page => Found(page, key, desc) : Project, keyOf, cancellationToken);
        }
    }

    private IQueryable<CustomerSummaryDto> Project(IQueryable<Customer> page) => page.ProjectTo<CustomerSummaryDto>(mapper.ConfigurationProvider);

    /// <summary>
    /// A search's page is chosen by Id alone and its rows read after: a prefix that thousands of customers share puts
    /// every one of them through the sort, and a customer's Id index carries what the default order needs (archived or
    /// not, the list order), so each is one seek in it instead of that seek and a table row (docs/performance.md,
    /// "Seventeenth round").
    /// </summary>
    private IQueryable<CustomerSummaryDto> Found<TKey>(IQueryable<Customer> page, Expression<Func<Customer, TKey>> key, bool descending)
    {
        var rows = db.Customers.AsNoTracking().Where(c => page.Select(p => p.Id).Contains(c.Id));
        return Project(descending ? rows.OrderByDescending(key).ThenByDescending(c => c.Id) : rows.OrderBy(key).ThenBy(c => c.Id));
    }

    /// <summary>How many customers a tag may have for the whole base's page to start from the tag's own index.</summary>
    internal const int RareTag = 5_000;

    /// <summary>
    /// The customers with a tag. SQLite finds them by walking the list's order and probing each customer's tags, which
    /// finds a page of a common tag at once but walks the whole base for a tag that few or no customers have (5–11 s at
    /// a million). Over the whole base a rare tag is therefore read from the tag's index and its customers sorted; which
    /// tags are rare is one count on that index, stopped past the limit. A rep's or a manager's walk is their own book.
    /// </summary>
    private async Task<IQueryable<Customer>> TaggedAsync(IQueryable<Customer> query, string tag, CancellationToken ct)
    {
        var tagged = db.Set<CustomerTag>().Where(t => t.Tag == tag);
        if (db.Caller.SeesAllCustomers && await tagged.Take(RareTag + 1).CountAsync(ct) <= RareTag)
            return query.Where(c => tagged.Select(t => t.CustomerId).Contains(c.Id));
        return query.Where(c => c.Tags.Any(t => t.Tag == tag));
    }

    /// <summary>
    /// Prefix range scans over the search-term index: the text as typed, and its digits for phone numbers. The terms
    /// carry their customer's owner, so a rep's or a manager's range holds only their customers' terms, and the work
    /// grows with the matches in the caller's scope, not in the whole base (docs/performance.md, "Eighth round").
    /// </summary>
    private IQueryable<Customer> Search(IQueryable<Customer> query, string q)
    {
        var text = CustomerSearchTerm.Normalise(q);
        var digits = CustomerSearchTerm.DigitsOnly(q);
        var textEnd = CustomerSearchTerm.UpperBound(text);
        // The digits-only form is for phone numbers: "021-5555 0011" finds 02155550011. Text with letters is a name.
        var terms = db.CustomerSearchTerms.Where(t => string.Compare(t.Term, text) >= 0 && string.Compare(t.Term, textEnd) < 0);
        if (digits.Length >= 3 && digits != text && !text.Any(char.IsLetter))
        {
            var digitsEnd = CustomerSearchTerm.UpperBound(digits);
            terms = db.CustomerSearchTerms.Where(t =>
                (string.Compare(t.Term, text) >= 0 && string.Compare(t.Term, textEnd) < 0) ||
                (string.Compare(t.Term, digits) >= 0 && string.Compare(t.Term, digitsEnd) < 0));
        }
        return query.Where(c => terms.Select(t => t.CustomerId).Contains(c.Id));
    }
}
