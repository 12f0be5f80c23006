using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class MedicationReconciliationConfiguration : IEntityTypeConfiguration<MedicationReconciliation>
{
    public void Configure(EntityTypeBuilder<MedicationReconciliation> builder)
    {
        builder.ToTable("MedicationReconciliations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FinishedBy).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
        builder.OwnsMany(r => r.Decisions, o =>
        {
            o.ToTable("MedicationReconciliationDecisions");
            o.WithOwner().HasForeignKey("MedicationReconciliationId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.RowKey).HasMaxLength(ReconciliationDecision.KeyMaxLength).IsRequired();
            o.Property(x => x.DrugName).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
            o.Property(x => x.Reason).HasMaxLength(MedicationEntry.TextMaxLength);
            o.Property(x => x.DecidedBy).HasMaxLength(MedicationEntry.DrugNameMaxLength).IsRequired();
        });
        builder.Navigation(r => r.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DischargeMedicationList>().WithMany().HasForeignKey(r => r.DischargeListId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(r => r.DischargeListId).IsUnique();
    }
}
