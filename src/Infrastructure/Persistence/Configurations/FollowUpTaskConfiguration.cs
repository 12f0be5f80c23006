using CareWorkspace.Domain.FollowUp;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.ToTable("FollowUpTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Note).HasMaxLength(FollowUpTask.NoteMaxLength);
        builder.Property(t => t.RequestedBy).HasMaxLength(200).IsRequired();
        builder.Property(t => t.RequestedByOrganisation).HasMaxLength(200).IsRequired();
        builder.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // The clinic's list: its open tasks; the escalation job: open ones.
        builder.HasIndex(t => new { t.OrganisationId, t.BookedAt });
        builder.HasIndex(t => new { t.BookedAt, t.EscalatedAt });
    }
}
