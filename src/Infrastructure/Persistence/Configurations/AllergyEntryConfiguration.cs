using System.Text.Json;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class AllergyEntryConfiguration : IEntityTypeConfiguration<AllergyEntry>
{
    public void Configure(EntityTypeBuilder<AllergyEntry> builder)
    {
        builder.ToTable("AllergyEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Substance).HasMaxLength(AllergyEntry.SubstanceMaxLength);
        builder.Property(a => a.AtcCode).HasMaxLength(AtcCode.MaxLength);
        builder.Property(a => a.Reaction).HasMaxLength(AllergyEntry.ReactionMaxLength);
        builder.Property(a => a.StatusReason).HasMaxLength(AllergyEntry.ReasonMaxLength);
        builder.Property(a => a.RecordedBy).HasMaxLength(AllergyEntry.ChangedByMaxLength).IsRequired();
        builder.Property(a => a.ChangedBy).HasMaxLength(AllergyEntry.ChangedByMaxLength).IsRequired();
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.Name);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PatientId, a.Status });

        // The history is read on its own (never with the entry); new versions are added through the entry.
        builder.HasMany(a => a.NewVersions).WithOne().HasForeignKey(v => v.AllergyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.NewVersions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AllergyVersionConfiguration : IEntityTypeConfiguration<AllergyVersion>
{
    // Snapshots and change lists as JSON like the care plans' versions: enums by name, æ, ø and å readable.
    private static JsonSerializerOptions Json => CarePlanVersionConfiguration.Json;

    public void Configure(EntityTypeBuilder<AllergyVersion> builder)
    {
        builder.ToTable("AllergyVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ChangedBy).HasMaxLength(AllergyEntry.ChangedByMaxLength).IsRequired();
        builder.Property(v => v.Changes)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<AllergyChange>>(v, Json) ?? new List<AllergyChange>(),
                new ValueComparer<IReadOnlyList<AllergyChange>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v))
            .IsRequired();
        builder.Property(v => v.Snapshot)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<AllergySnapshot>(v, Json)!,
                new ValueComparer<AllergySnapshot>((a, b) => ReferenceEquals(a, b), v => v.Status.GetHashCode(), v => v))
            .IsRequired();
        // Not unique: two racing changes both insert "version n+1", and a unique index would fail the loser's insert before
        // its entry's concurrency check does; the concurrency token is what keeps the numbers unique, and the loser is
        // retried and refused as a stale edit.
        builder.HasIndex(v => new { v.AllergyId, v.Number });
    }
}
