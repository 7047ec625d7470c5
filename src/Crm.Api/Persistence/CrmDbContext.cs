using Crm.Api.Common;
using Crm.Api.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using System.Linq.Expressions;

namespace Crm.Api.Persistence;

/// <summary>
/// The one EF Core model. Provider-specific subclasses (SqliteCrmDbContext, SqlServerCrmDbContext) exist only
/// so that each provider has its own migration set.
/// </summary>
public abstract class CrmDbContext(DbContextOptions options)
    : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    // Contexts are pooled (DatabaseRegistration): one instance serves many requests in turn, so the caller and the
    // clock are handed over at every rent by For, and a returned context sees no customer until it is rented again.
    private Caller caller = Unbound();
    private TimeProvider clock = TimeProvider.System;

    /// <summary>Puts the context to work for one scope's caller; every rent from the pool goes through here.</summary>
    public CrmDbContext For(Caller scopeCaller, TimeProvider scopeClock)
    {
        (caller, clock) = (scopeCaller, scopeClock);
        Derived.Clear();
        return this;
    }

    private static Caller Unbound()
    {
        var nobody = new Caller();
        nobody.BecomeAnonymous();
        return nobody;
    }

    public override void Dispose()
    {
        caller = Unbound();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        caller = Unbound();
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    public DbSet<Team> Teams => Set<Team>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<RefreshSession> RefreshSessions => Set<RefreshSession>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerTransfer> CustomerTransfers => Set<CustomerTransfer>();
    public DbSet<CustomerSearchTerm> CustomerSearchTerms => Set<CustomerSearchTerm>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitEvent> VisitEvents => Set<VisitEvent>();
    public DbSet<VisitPolicy> VisitPolicies => Set<VisitPolicy>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();
    public DbSet<ComplaintSlaTarget> ComplaintSlaTargets => Set<ComplaintSlaTarget>();
    public DbSet<StandardAnswer> StandardAnswers => Set<StandardAnswer>();
    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();
    public DbSet<MembershipTier> MembershipTiers => Set<MembershipTier>();
    public DbSet<TierChange> TierChanges => Set<TierChange>();
    public DbSet<LoyaltyPolicy> LoyaltyPolicies => Set<LoyaltyPolicy>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<SalesTarget> SalesTargets => Set<SalesTarget>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<ScorecardTemplate> ScorecardTemplates => Set<ScorecardTemplate>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Sequence> Sequences => Set<Sequence>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<CustomerStats> CustomerStats => Set<CustomerStats>();
    public DbSet<CustomerMonthSales> CustomerMonthSales => Set<CustomerMonthSales>();
    public DbSet<CompositionCell> CompositionCells => Set<CompositionCell>();
    public DbSet<PortfolioCount> PortfolioCounts => Set<PortfolioCount>();
    public DbSet<LoyaltyStageCount> LoyaltyStageCounts => Set<LoyaltyStageCount>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<SlaBreachNotice> SlaBreachNotices => Set<SlaBreachNotice>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public Caller Caller => caller;

    // The query filters read these two; EF Core re-evaluates them for every query. A rep's scope is one owner, a
    // manager's a list of them, and both are null for a caller who sees every customer.
    private Guid? ScopeOwner => caller.SeesAllCustomers || caller.VisibleOwnerIds.Count != 1 ? null : caller.VisibleOwnerIds[0];
    private List<Guid>? ScopeOwners => caller.SeesAllCustomers || caller.VisibleOwnerIds.Count == 1 ? null : caller.VisibleOwnerIds;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly, t => t.Namespace == typeof(CrmDbContext).Namespace + ".Configurations");

        // Ids are Guid v7 made by the application, never by the database: a new child found through a navigation
        // must then be inserted, not mistaken for an existing row to update.
        foreach (var key in builder.Model.GetEntityTypes().Select(e => e.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
            if (key.Properties is [{ ClrType: var type } id] && type == typeof(Guid))
                id.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;

        // Record scoping: a customer outside the caller's scope, and everything hanging off it, does not exist.
        builder.Entity<Customer>().HasQueryFilter(InScope<Customer>(c => c.OwnerId));
        builder.Entity<Contact>().HasQueryFilter(InScope<Contact>(c => c.CustomerOwnerId));
        builder.Entity<Purchase>().HasQueryFilter(InScope<Purchase>(p => p.Customer!.OwnerId));
        builder.Entity<Complaint>().HasQueryFilter(InScope<Complaint>(c => c.CustomerOwnerId));
        // A referral is in scope when the referred customer is (that is whose lead it is to work).
        builder.Entity<Referral>().HasQueryFilter(InScope<Referral>(r => r.ReferredOwnerId));
        // A task is in scope when it is assigned to someone in scope or is about a customer in scope.
        var assigned = InScope<TaskItem>(t => t.AssigneeId);
        var aboutCustomer = InScope<TaskItem>(t => t.Customer!.OwnerId);
        var task = assigned.Parameters[0];
        builder.Entity<TaskItem>().HasQueryFilter(Expression.Lambda<Func<TaskItem, bool>>(Expression.OrElse(assigned.Body, Expression.AndAlso(
            Expression.NotEqual(Expression.Property(task, nameof(TaskItem.CustomerId)), Expression.Constant(null, typeof(Guid?))),
            new ReplaceParameter(aboutCustomer.Parameters[0], task).Visit(aboutCustomer.Body))), task));
        builder.Entity<Assessment>().HasQueryFilter(InScope<Assessment>(a => a.Customer!.OwnerId));
        builder.Entity<CustomerStats>().HasQueryFilter(InScope<CustomerStats>(s => s.OwnerId));
        // The owner is kept on the row itself (MonthlySales), so a scoped read seeks the (OwnerId, Month) index directly.
        builder.Entity<CustomerMonthSales>().HasQueryFilter(InScope<CustomerMonthSales>(s => s.OwnerId));
        // The whole base's cells (owner Guid.Empty) are in no rep's or manager's list of owners.
        builder.Entity<CompositionCell>().HasQueryFilter(InScope<CompositionCell>(c => c.OwnerId));
        builder.Entity<PortfolioCount>().HasQueryFilter(InScope<PortfolioCount>(c => c.OwnerId));
        builder.Entity<LoyaltyStageCount>().HasQueryFilter(InScope<LoyaltyStageCount>(c => c.OwnerId));
        builder.Entity<Visit>().HasQueryFilter(InScope<Visit>(v => v.CustomerOwnerId));
        builder.Entity<CustomerSearchTerm>().HasQueryFilter(InScope<CustomerSearchTerm>(t => t.OwnerId));
    }

    /// <summary>
    /// The scope rule, for a row whose owner is <paramref name="ownerOf"/>: every row for a caller who sees all,
    /// the rep's own rows, or the rows of the manager's team.
    /// </summary>
    /// <remarks>
    /// Each case is a parameter that is null when it does not apply. EF Core removes the cases whose parameter is
    /// null from the SQL and keeps the SQL it generated for each combination (its cache knows which parameters are
    /// null), so a rep's query reads "OwnerId = @owner", a manager's "OwnerId IN (SELECT value FROM json_each(@owners))"
    /// (one JSON parameter, OPENJSON on SQL Server), and a caller who sees all gets no filter at all. EF.Parameter
    /// keeps the null tests in the SQL where EF Core can see them: written plainly, "ScopeOwner == null" would be
    /// evaluated up front into a bool parameter, and "@all OR OwnerId = ..." stops SQLite using any OwnerId index.
    /// Before this, "sees all" was EF.Constant and the list one parameter per owner; both made EF Core generate the
    /// SQL again on every execution (docs/performance.md, "Fifteenth round").
    /// </remarks>
    private Expression<Func<T, bool>> InScope<T>(Expression<Func<T, Guid>> ownerOf)
    {
        Expression<Func<Guid, bool>> rule = owner =>
            (EF.Parameter(ScopeOwner) == null && EF.Parameter(ScopeOwners) == null)
            || (EF.Parameter(ScopeOwner) != null && owner == EF.Parameter(ScopeOwner))
            || (EF.Parameter(ScopeOwners) != null && EF.Parameter(ScopeOwners!).Contains(owner));
        return Expression.Lambda<Func<T, bool>>(new ReplaceParameter(rule.Parameters[0], ownerOf.Body).Visit(rule.Body)!, ownerOf.Parameters);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    /// <summary>Rows derived from the changes being saved (search terms, audit, change log, outbox); written after them in the same transaction.</summary>
    internal DerivedRows Derived { get; } = new();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var bulkWritten = new List<EntityEntry>();
        // Outside a transaction this save is one of its own, with SQLite's write lock from its first statement.
        using var turn = await SqliteWriteGate.EnterAsync(this, cancellationToken);
        try
        {
            var work = await RunSaveHooksAsync(cancellationToken);
            if (!work.RefreshesStatistics && Derived.IsEmpty && work.Portfolio.Count == 0 && work.Stages.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

            // The derived rows and the statistics follow the save inside the same transaction.
            await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var written = await WriteNewCustomersAsync(work, bulkWritten, cancellationToken);
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            written += await Derived.WriteAsync(this, cancellationToken);
            await Persistence.PortfolioCounts.WriteAsync(this, work.Portfolio, cancellationToken);
            await Persistence.LoyaltyStageCounts.WriteAsync(this, work.Stages, cancellationToken);
            if (work.RefreshesStatistics)
            {
                await CustomerStatistics.RefreshAsync(this, work.Touched, cancellationToken);
                await CustomerStatistics.RefreshLastVisitAsync(this, work.Visited, cancellationToken);
                await OwnerCopies.RefreshAsync(this, work.Moved, cancellationToken);
                await MonthlySales.RefreshAsync(this, work.Sales, cancellationToken);
                await Persistence.LoyaltyStageCounts.WriteAsync(this, Persistence.LoyaltyStageCounts.Difference(this), cancellationToken);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (own is not null) await own.CommitAsync(cancellationToken);
            return written;
        }
        catch
        {
            // The transaction rolled the new customers back: they are to be inserted again if the save is retried.
            foreach (var entry in bulkWritten) entry.State = EntityState.Added;
            throw;
        }
        finally
        {
            // A failed save rolled its derived rows back with it; a retry derives them again from the tracker.
            Derived.Clear();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>What a save does after the hooks: the customers whose statistics it touches, the new customers and tags to write in bulk, and its change to the portfolio and loyalty stage counts.</summary>
    private sealed record SaveWork(HashSet<Guid> Touched, HashSet<Guid> Visited, Dictionary<Guid, Customer> Moved, HashSet<Guid> Sales,
        List<EntityEntry<Customer>> NewCustomers, List<EntityEntry<CustomerTag>> NewTags, Dictionary<Persistence.PortfolioCounts.Key, int> Portfolio,
        Dictionary<Persistence.LoyaltyStageCounts.Key, int> Stages)
    {
        public bool RefreshesStatistics => Touched.Count > 0 || Visited.Count > 0 || Moved.Count > 0 || Sales.Count > 0;
    }

    /// <summary>Stamps versions and derives the search terms, audit lines, change log and outbox, all on one detection of the changes.</summary>
    private async Task<SaveWork> RunSaveHooksAsync(CancellationToken ct)
    {
        using var _ = DetectChangesOnce();
        // Before the stamps: a birthday moved in a customer's profile alone makes the customer's row modified here.
        BirthdayMonthDays.Keep(this);
        StampAuditedEntities();
        // Before the audit and the change log, which record the referral's row as it is saved.
        await OwnerCopies.StampAsync(this, ct);
        await CustomerSearchIndex.RefreshAsync(this, ct);
        await Persistence.LoyaltyStageCounts.TrackStatisticsOfDeletedCustomersAsync(this, ct);
        AuditTrail.Record(this, clock.GetUtcNow().UtcDateTime);
        await ChangeCapture.CaptureAsync(this, clock.GetUtcNow().UtcDateTime, ct);
        var touched = CustomerStatistics.TouchedCustomers(this);
        var visited = CustomerStatistics.VisitedCustomers(this);
        visited.ExceptWith(touched);
        var newCustomers = ChangeTracker.Entries<Customer>().Where(e => e.State == EntityState.Added).ToList();
        var ids = newCustomers.Select(e => e.Entity.Id).ToHashSet();
        var newTags = ids.Count == 0 ? [] : ChangeTracker.Entries<CustomerTag>().Where(e => e.State == EntityState.Added && ids.Contains(e.Entity.CustomerId)).ToList();
        return new SaveWork(touched, visited, OwnerCopies.MovedCustomers(this), MonthlySales.TouchedCustomers(this), newCustomers, newTags,
            Persistence.PortfolioCounts.Difference(this), Persistence.LoyaltyStageCounts.Difference(this));
    }

    /// <summary>
    /// New customers and their tags go in as multi-row INSERTs ahead of the rest of the save: an import batch adds 1,000
    /// customers and 2,000 tags, which EF Core would insert one statement each. Their rows are new, so nothing else in
    /// the save can collide with them, and whatever else refers to them (contacts, referrals) is written after.
    /// </summary>
    private async Task<int> WriteNewCustomersAsync(SaveWork work, List<EntityEntry> written, CancellationToken ct) =>
        await BulkInsert.WriteAddedAsync(this, work.NewCustomers, written, ct) + await BulkInsert.WriteAddedAsync(this, work.NewTags, written, ct);

    /// <summary>
    /// The save hooks read the change tracker a dozen times; each read would compare every tracked entity with its
    /// snapshot again (seconds for an import batch of 27,000 entries). Changes are detected once before the hooks and
    /// once more by the save itself, which also picks up what the hooks changed.
    /// </summary>
    private AutoDetectRestore DetectChangesOnce()
    {
        var was = ChangeTracker.AutoDetectChangesEnabled;
        if (was) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new AutoDetectRestore(ChangeTracker, was);
    }

    private readonly struct AutoDetectRestore(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, bool enabled) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = enabled;
    }

    private void StampAuditedEntities()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<AuditedEntity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    if (entry.Entity.CreatedAt == default) entry.Entity.CreatedAt = now;
                    entry.Entity.UpdatedAt = entry.Entity.CreatedAt;
                    entry.Entity.CreatedBy ??= caller.ActorId;
                    entry.Entity.UpdatedBy = entry.Entity.CreatedBy;
                    entry.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedBy = caller.ActorId;
                    entry.Entity.Version++;
                    break;
            }
        }
        foreach (var entry in ChangeTracker.Entries<Customer>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            entry.Entity.RefreshListOrder();
        // Rows outside AuditedEntity (users, settings) still carry a version for their ETag.
        foreach (var entry in ChangeTracker.Entries<IVersionedRow>().Where(e => e.State == EntityState.Modified && e.Entity is not AuditedEntity))
            entry.Entity.Version++;
    }
}
