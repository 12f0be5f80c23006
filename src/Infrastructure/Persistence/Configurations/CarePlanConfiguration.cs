using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class CarePlanConfiguration : IEntityTypeConfiguration<CarePlan>
{
    // Conditions as one small JSON array, readable with æ, ø and å, the same on every provider.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Configure(EntityTypeBuilder<CarePlan> builder)
    {
        builder.ToTable("CarePlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Title).HasMaxLength(CarePlan.TitleMaxLength).IsRequired();
        builder.Property(p => p.Conditions)
            .HasField("_conditions")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasMaxLength(4000)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<string>>(v, Json) ?? new List<string>(),
                new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, HashCode.Combine), v => v.ToList()))
            .IsRequired();
        builder.Property(p => p.TemplateId).HasMaxLength(40);
        builder.Property(p => p.TemplateVersion).HasMaxLength(20);
        builder.Property(p => p.CreatedBy).HasMaxLength(CarePlan.ChangedByMaxLength).IsRequired();
        builder.Property(p => p.ChangedBy).HasMaxLength(CarePlan.ChangedByMaxLength).IsRequired();
        builder.Ignore(p => p.IsOpen);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PatientId);

        builder.OwnsMany(p => p.Goals, g =>
        {
            g.ToTable("CarePlanGoals");
            g.WithOwner().HasForeignKey("CarePlanId");
            g.HasKey(x => x.Id);
            g.Property(x => x.Id).ValueGeneratedNever();
            g.Property(x => x.Description).HasMaxLength(Goal.DescriptionMaxLength).IsRequired();
            g.Property(x => x.MeasureName).HasMaxLength(GoalMeasure.NameMaxLength).IsRequired();
            g.Property(x => x.Target).HasPrecision(18, 4);
            g.Property(x => x.Unit).HasMaxLength(UcumUnit.MaxLength).IsRequired();
            g.Property(x => x.AgreedBy).HasMaxLength(Goal.AgreedByMaxLength);
            g.Ignore(x => x.IsAgreed);
            g.Ignore(x => x.Measure);
        });
        builder.Navigation(p => p.Goals).HasField("_goals").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Activities, a =>
        {
            a.ToTable("CarePlanActivities");
            a.WithOwner().HasForeignKey("CarePlanId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Description).HasMaxLength(CarePlanActivity.DescriptionMaxLength).IsRequired();
            a.Property(x => x.OrganisationName).HasMaxLength(CarePlanActivity.OrganisationNameMaxLength);
            a.Property(x => x.Schedule).HasMaxLength(CarePlanActivity.ScheduleMaxLength);
        });
        builder.Navigation(p => p.Activities).HasField("_activities").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Notes, n =>
        {
            n.ToTable("CarePlanNotes");
            n.WithOwner().HasForeignKey("CarePlanId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.Property(x => x.Text).HasMaxLength(CarePlanNote.TextMaxLength).IsRequired();
            n.Property(x => x.WrittenBy).HasMaxLength(CarePlan.ChangedByMaxLength).IsRequired();
        });
        builder.Navigation(p => p.Notes).HasField("_notes").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Measurements, m =>
        {
            m.ToTable("CarePlanMeasurements");
            m.WithOwner().HasForeignKey("CarePlanId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Name).HasMaxLength(CarePlanMeasurement.NameMaxLength).IsRequired();
            m.Property(x => x.Unit).HasMaxLength(UcumUnit.MaxLength).IsRequired();
            m.Property(x => x.Frequency).HasMaxLength(CarePlanMeasurement.FrequencyMaxLength);
        });
        builder.Navigation(p => p.Measurements).HasField("_measurements").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The history is read on its own (never with the plan); new versions are added through the plan.
        builder.HasMany(p => p.NewVersions).WithOne().HasForeignKey(v => v.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.NewVersions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CarePlanVersionConfiguration : IEntityTypeConfiguration<CarePlanVersion>
{
    // Snapshots and change lists as JSON: enums by name, æ, ø and å readable, the same on every provider.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<CarePlanVersion> builder)
    {
        builder.ToTable("CarePlanVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ChangedBy).HasMaxLength(CarePlan.ChangedByMaxLength).IsRequired();
        builder.Property(v => v.Changes)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<CarePlanChange>>(v, Json) ?? new List<CarePlanChange>(),
                new ValueComparer<IReadOnlyList<CarePlanChange>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v))
            .IsRequired();
        builder.Property(v => v.Snapshot)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<CarePlanSnapshot>(v, Json)!,
                new ValueComparer<CarePlanSnapshot>((a, b) => ReferenceEquals(a, b), v => v.Title.GetHashCode(StringComparison.Ordinal), v => v))
            .IsRequired();
        builder.HasIndex(v => new { v.CarePlanId, v.Number }).IsUnique();
    }
}
