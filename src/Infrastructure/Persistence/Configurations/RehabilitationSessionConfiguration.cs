using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareWorkspace.Domain.Rehabilitation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class RehabilitationSessionConfiguration : IEntityTypeConfiguration<RehabilitationSession>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<RehabilitationSession> builder)
    {
        builder.ToTable("RehabilitationSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ExerciseName).HasMaxLength(Exercise.NameMaxLength);
        builder.Property(s => s.Note).HasMaxLength(RehabilitationSession.NoteMaxLength);
        builder.Property(s => s.LoggedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.LoggedByName).HasMaxLength(RehabilitationSession.NameMaxLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsWholeProgramme);
        // The corrections as one JSON list (rare and small: who, when, the values before and after), the same on every provider.
        builder.Property(s => s.Corrections)
            .HasField("_corrections")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => string.IsNullOrEmpty(v) ? new List<SessionCorrection>() : JsonSerializer.Deserialize<List<SessionCorrection>>(v, Json) ?? new List<SessionCorrection>(),
                new ValueComparer<IReadOnlyList<SessionCorrection>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .IsRequired();
        // The plan's owner is the patient; a session goes with its plan.
        builder.HasOne<RehabilitationPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PlanId, s.Day });
        builder.HasIndex(s => new { s.PatientId, s.Day });
    }
}
