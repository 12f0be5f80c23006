using CareWorkspace.Domain.Rehabilitation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class RehabilitationSessionConfiguration : IEntityTypeConfiguration<RehabilitationSession>
{
    public void Configure(EntityTypeBuilder<RehabilitationSession> builder)
    {
        builder.ToTable("RehabilitationSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ExerciseName).HasMaxLength(Exercise.NameMaxLength);
        builder.Property(s => s.Note).HasMaxLength(RehabilitationSession.NoteMaxLength);
        builder.Property(s => s.LoggedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.LoggedByName).HasMaxLength(RehabilitationSession.NameMaxLength).IsRequired();
        builder.Ignore(s => s.IsWholeProgramme);
        // The plan's owner is the patient; a session goes with its plan.
        builder.HasOne<RehabilitationPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PlanId, s.Day });
        builder.HasIndex(s => new { s.PatientId, s.Day });
    }
}
