using System.Text.Encodings.Web;
using System.Text.Json;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Domain.Rehabilitation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class RehabilitationPlanConfiguration : IEntityTypeConfiguration<RehabilitationPlan>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Configure(EntityTypeBuilder<RehabilitationPlan> builder)
    {
        builder.ToTable("RehabilitationPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Purpose).HasMaxLength(RehabilitationPlan.PurposeMaxLength);
        builder.Property(p => p.CreatedBy).HasMaxLength(RehabilitationPlan.ChangedByMaxLength).IsRequired();
        builder.Property(p => p.ChangedBy).HasMaxLength(RehabilitationPlan.ChangedByMaxLength);
        builder.Ignore(p => p.Details);
        builder.Ignore(p => p.PlannedPerWeek);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.ResponsibleOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PatientId, p.CreatedAt });

        builder.OwnsMany(p => p.Exercises, e =>
        {
            e.ToTable("RehabilitationExercises");
            e.WithOwner().HasForeignKey("PlanId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(Exercise.NameMaxLength).IsRequired();
            e.Property(x => x.Instructions).HasMaxLength(Exercise.InstructionsMaxLength);
        });
        builder.Navigation(p => p.Exercises).HasField("_exercises");

        // The programme's history as one JSON list (small: a few changes of a few exercises), the same on every provider.
        builder.Property(p => p.ExerciseHistory)
            .HasField("_exerciseHistory")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => string.IsNullOrEmpty(v) ? new List<ExercisesInForce>() : JsonSerializer.Deserialize<List<ExercisesInForce>>(v, Json) ?? new List<ExercisesInForce>(),
                new ValueComparer<IReadOnlyList<ExercisesInForce>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .IsRequired();
    }
}
