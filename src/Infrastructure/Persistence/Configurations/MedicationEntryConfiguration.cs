using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class MedicationEntryConfiguration : IEntityTypeConfiguration<MedicationEntry>
{
    public void Configure(EntityTypeBuilder<MedicationEntry> builder)
    {
        builder.ToTable("MedicationEntries");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DrugName).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
        builder.Property(m => m.Strength).HasMaxLength(MedicationEntry.ShortTextMaxLength);
        builder.Property(m => m.Form).HasMaxLength(MedicationEntry.ShortTextMaxLength);
        builder.Property(m => m.AtcCode).HasMaxLength(MedicationEntry.ShortTextMaxLength);
        builder.Property(m => m.DoseText).HasMaxLength(MedicationEntry.TextMaxLength);
        builder.Property(m => m.Route).HasMaxLength(MedicationEntry.ShortTextMaxLength);
        builder.Property(m => m.Indication).HasMaxLength(MedicationEntry.TextMaxLength);
        builder.Property(m => m.Prescriber).HasMaxLength(MedicationEntry.DrugNameMaxLength);
        builder.Property(m => m.Organisation).HasMaxLength(MedicationEntry.DrugNameMaxLength);
        builder.Property(m => m.SourceId).HasMaxLength(MedicationEntry.SourceIdMaxLength);
        builder.Property(m => m.SourceVersion).HasMaxLength(MedicationEntry.VersionMaxLength);
        builder.Property(m => m.DailyDoseAmount).HasPrecision(18, 4);
        builder.Property(m => m.DailyDoseUnit).HasMaxLength(UcumUnit.MaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.ChangedBy).HasMaxLength(MedicationEntry.DrugNameMaxLength);
        builder.OwnsMany(m => m.Overrides, o =>
        {
            o.ToTable("MedicationAlertOverrides");
            o.WithOwner().HasForeignKey("MedicationEntryId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.RuleId).HasMaxLength(MedicationEntry.ShortTextMaxLength).IsRequired();
            o.Property(x => x.Reason).HasMaxLength(MedicationEntry.TextMaxLength).IsRequired();
            o.Property(x => x.OverriddenBy).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
        });
        builder.Navigation(m => m.Overrides).HasField("_overrides").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(m => m.DoseChanges, c =>
        {
            c.ToTable("MedicationDoseChanges");
            c.WithOwner().HasForeignKey("MedicationEntryId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.OldDoseText).HasMaxLength(MedicationEntry.TextMaxLength);
            c.Property(x => x.NewDoseText).HasMaxLength(MedicationEntry.TextMaxLength);
            c.Property(x => x.OldStrength).HasMaxLength(MedicationEntry.ShortTextMaxLength);
            c.Property(x => x.NewStrength).HasMaxLength(MedicationEntry.ShortTextMaxLength);
            c.Property(x => x.OldDailyDoseAmount).HasPrecision(18, 4);
            c.Property(x => x.NewDailyDoseAmount).HasPrecision(18, 4);
            c.Property(x => x.OldDailyDoseUnit).HasMaxLength(UcumUnit.MaxLength);
            c.Property(x => x.NewDailyDoseUnit).HasMaxLength(UcumUnit.MaxLength);
            c.Property(x => x.Reason).HasMaxLength(MedicationEntry.TextMaxLength).IsRequired();
            c.Property(x => x.ChangedBy).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
        });
        builder.Navigation(m => m.DoseChanges).HasField("_doseChanges").UsePropertyAccessMode(PropertyAccessMode.Field);
        // One entry per national record item, whatever runs import it.
        builder.HasIndex(m => m.SourceId).IsUnique();
        builder.HasIndex(m => new { m.PatientId, m.Status });
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
