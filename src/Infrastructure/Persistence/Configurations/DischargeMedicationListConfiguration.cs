using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class DischargeMedicationListConfiguration : IEntityTypeConfiguration<DischargeMedicationList>
{
    public void Configure(EntityTypeBuilder<DischargeMedicationList> builder)
    {
        builder.ToTable("DischargeMedicationLists");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Hospital).HasMaxLength(DischargeMedicationList.HospitalMaxLength).IsRequired();
        builder.Property(l => l.RecordedBy).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
        builder.Property(l => l.ReconciledBy).HasMaxLength(MedicationEntry.DrugNameMaxLength);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Property(l => l.Revision).HasDefaultValue(1).ValueGeneratedNever();
        builder.Property(l => l.WithdrawnBy).HasMaxLength(MedicationEntry.DrugNameMaxLength);
        builder.Property(l => l.WithdrawalReason).HasMaxLength(DischargeListChange.ReasonMaxLength);
        builder.Ignore(l => l.CurrentLines);
        builder.Ignore(l => l.LastCorrection);
        builder.OwnsMany(l => l.Lines, o =>
        {
            o.ToTable("DischargeMedicationLines");
            o.WithOwner().HasForeignKey("DischargeMedicationListId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.Revision).HasDefaultValue(1).ValueGeneratedNever();
            o.Property(x => x.DrugName).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
            o.Property(x => x.AtcCode).HasMaxLength(MedicationEntry.ShortTextMaxLength).IsRequired();
            o.Property(x => x.Strength).HasMaxLength(MedicationEntry.ShortTextMaxLength);
            o.Property(x => x.Form).HasMaxLength(MedicationEntry.ShortTextMaxLength);
            o.Property(x => x.DoseText).HasMaxLength(MedicationEntry.TextMaxLength);
            o.Property(x => x.DailyDoseAmount).HasPrecision(18, 4);
            o.Property(x => x.DailyDoseUnit).HasMaxLength(UcumUnit.MaxLength);
            o.Property(x => x.Route).HasMaxLength(MedicationEntry.ShortTextMaxLength);
            o.Property(x => x.Indication).HasMaxLength(MedicationEntry.TextMaxLength);
        });
        builder.Navigation(l => l.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(l => l.Changes, o =>
        {
            o.ToTable("DischargeMedicationListChanges");
            o.WithOwner().HasForeignKey("DischargeMedicationListId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.ChangedBy).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
            o.Property(x => x.Reason).HasMaxLength(DischargeListChange.ReasonMaxLength).IsRequired();
        });
        builder.Navigation(l => l.Changes).HasField("_changes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Patient>().WithMany().HasForeignKey(l => l.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.PatientId, l.ReconciledAt });
    }
}
