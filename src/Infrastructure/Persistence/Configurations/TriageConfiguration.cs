using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Domain.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class ChangeObservationConfiguration : IEntityTypeConfiguration<ChangeObservation>
{
    // Answers and reasons as small JSON arrays, readable with æ, ø and å, the same on every provider.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<ChangeObservation> builder)
    {
        builder.ToTable("TriageObservations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(o => o.RecordedByName).HasMaxLength(ChangeObservation.NameMaxLength).IsRequired();
        builder.Property(o => o.ConfirmedByUserId).HasMaxLength(450);
        builder.Property(o => o.ConfirmedByName).HasMaxLength(ChangeObservation.NameMaxLength);
        builder.Property(o => o.DeviationReason).HasMaxLength(ChangeObservation.ReasonMaxLength);
        builder.Property(o => o.Temperature).HasPrecision(4, 1);
        builder.Property(o => o.Answers)
            .HasField("_answers")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<ItemAnswer>>(v, Json) ?? new List<ItemAnswer>(),
                new ValueComparer<IReadOnlyList<ItemAnswer>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .IsRequired();
        builder.Property(o => o.SuggestedReasons)
            .HasField("_reasons")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<TriageReason>>(v, Json) ?? new List<TriageReason>(),
                new ValueComparer<IReadOnlyList<TriageReason>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .IsRequired();
        builder.Ignore(o => o.Colour);
        builder.Ignore(o => o.IsConfirmed);
        builder.Ignore(o => o.Vitals);
        builder.Ignore(o => o.ChangedItems);
        builder.HasOne<Patient>().WithMany().HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        // A citizen's latest observation in a unit, and the citizen's history.
        builder.HasIndex(o => new { o.PatientId, o.UnitId, o.RecordedAt });
        // A unit's board: its observations by time.
        builder.HasIndex(o => new { o.UnitId, o.RecordedAt });
    }
}

internal sealed class TriageActionPlanConfiguration : IEntityTypeConfiguration<TriageActionPlan>
{
    public void Configure(EntityTypeBuilder<TriageActionPlan> builder)
    {
        builder.ToTable("TriageActionPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Decision).HasMaxLength(TriageActionPlan.DecisionMaxLength).IsRequired();
        builder.Property(p => p.Plan).HasMaxLength(TriageActionPlan.PlanMaxLength).IsRequired();
        builder.Property(p => p.ResponsibleName).HasMaxLength(TriageActionPlan.NameMaxLength);
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.CreatedByName).HasMaxLength(TriageActionPlan.NameMaxLength).IsRequired();
        builder.Property(p => p.ClosedByName).HasMaxLength(TriageActionPlan.NameMaxLength);
        builder.Property(p => p.ClosingNote).HasMaxLength(TriageActionPlan.NoteMaxLength);
        builder.Ignore(p => p.IsOpen);
        builder.Ignore(p => p.IsStarted);
        builder.Ignore(p => p.IsEscalatedToGp);
        builder.Ignore(p => p.IsAcuteHelpCalled);
        builder.Ignore(p => p.LastFollowedUp);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChangeObservation>().WithMany().HasForeignKey(p => p.ObservationId).OnDelete(DeleteBehavior.Restrict);
        // A unit's open plans (the board), and a citizen's plans.
        builder.HasIndex(p => new { p.UnitId, p.ClosedAt });
        builder.HasIndex(p => new { p.PatientId, p.UnitId, p.CreatedAt });

        builder.OwnsMany(p => p.Entries, e =>
        {
            e.ToTable("TriageActionEntries");
            e.WithOwner().HasForeignKey("PlanId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ByUserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.ByName).HasMaxLength(TriageActionPlan.NameMaxLength).IsRequired();
            e.Property(x => x.Note).HasMaxLength(TriageActionPlan.NoteMaxLength);
        });
        builder.Navigation(p => p.Entries).HasField("_entries");
    }
}

internal sealed class UnitChangeFormConfiguration : IEntityTypeConfiguration<UnitChangeForm>
{
    public void Configure(EntityTypeBuilder<UnitChangeForm> builder)
    {
        builder.ToTable("TriageChangeForms");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Property(f => f.ChangedBy).HasMaxLength(ChangeObservation.NameMaxLength).IsRequired();
        builder.Property(f => f.Items)
            .HasField("_items")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                v => JsonSerializer.Serialize(v, ChangeObservationConfiguration.Json),
                v => JsonSerializer.Deserialize<List<ChangeItem>>(v, ChangeObservationConfiguration.Json) ?? new List<ChangeItem>(),
                new ValueComparer<IReadOnlyList<ChangeItem>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .IsRequired();
        builder.Ignore(f => f.Form);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.UnitId).IsUnique();
    }
}
