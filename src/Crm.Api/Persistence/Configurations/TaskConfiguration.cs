using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> b)
    {
        b.ToTable("Tasks");
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Title).HaveMax(200).IsRequired();
        b.Property(t => t.Description).HaveMax(2000);
        b.Property(t => t.Priority).HasConversion<string>().HaveMax(16);
        b.Property(t => t.Status).HasConversion<string>().HaveMax(16);
        b.Property(t => t.Source).HasConversion<string>().HaveMax(24);
        b.Property(t => t.BoardPeriod).HaveMax(8);
        b.Ignore(t => t.IsOpen);
        b.HasOne(t => t.Customer).WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Comments).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        // Boards read an assignee's tasks by day; auto-created tasks exist once per source record.
        b.HasIndex(t => new { t.AssigneeId, t.DueDate });
        b.HasIndex(t => new { t.DueDate, t.Id });
        b.HasIndex(t => new { t.CustomerId, t.Status });
        b.HasIndex(t => new { t.Source, t.SourceId }).IsUnique().HasDatabaseName("IX_Tasks_OncePerSource");
    }
}

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> b)
    {
        b.ToTable("TaskComments");
        b.Property(c => c.Text).HaveMax(2000).IsRequired();
        b.HasIndex(c => new { c.TaskId, c.At });
    }
}
