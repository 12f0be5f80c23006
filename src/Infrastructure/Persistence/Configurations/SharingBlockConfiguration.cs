using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class SharingBlockConfiguration : IEntityTypeConfiguration<SharingBlock>
{
    public void Configure(EntityTypeBuilder<SharingBlock> builder)
    {
        builder.ToTable("SharingBlocks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(b => b.PatientId).OnDelete(DeleteBehavior.Cascade);
        // The guard reads a patient's active blocks with every relationship.
        builder.HasIndex(b => new { b.PatientId, b.LiftedAt });
        builder.Property(b => b.ItemLabel).HasMaxLength(SharingBlock.NameMaxLength);
        builder.Property(b => b.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(b => b.CreatedByName).HasMaxLength(SharingBlock.NameMaxLength).IsRequired();
        builder.Property(b => b.CreatedReason).HasMaxLength(SharingBlock.ReasonMaxLength);
        builder.Property(b => b.LiftedByName).HasMaxLength(SharingBlock.NameMaxLength);
        builder.Property(b => b.LiftedReason).HasMaxLength(SharingBlock.ReasonMaxLength);
        builder.Ignore(b => b.Target);
        builder.Ignore(b => b.Audience);
        builder.Ignore(b => b.IsActive);
        builder.Ignore(b => b.OrganisationIds);
        builder.Ignore(b => b.Sectors);
        // The audience's organisations and sectors as readable text columns, the same on every provider.
        builder.Property<List<Guid>>("_organisationIds")
            .HasColumnName("OrganisationIds")
            .HasMaxLength(2000)
            .HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                ListComparer<Guid>());
        builder.Property<List<Sector>>("_sectors")
            .HasColumnName("Sectors")
            .HasMaxLength(200)
            .HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Sector>).ToList(),
                ListComparer<Sector>());
    }

    private static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)),
        v => v.ToList());
}
