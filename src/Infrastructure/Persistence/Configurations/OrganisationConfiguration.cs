using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.Sor)
            .HasConversion(s => s.Value, v => SorCode.Parse(v))
            .HasMaxLength(SorCode.MaxLength)
            .IsRequired();
        builder.HasIndex(o => o.Sor).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsOne(o => o.Address, a =>
        {
            a.Property(x => x.Line).HasColumnName("AddressLine").HasMaxLength(Address.LineMaxLength);
            a.Property(x => x.PostalCode).HasColumnName("PostalCode").HasMaxLength(4);
            a.Property(x => x.City).HasColumnName("City").HasMaxLength(100);
        });
        builder.Property(o => o.Phone).HasMaxLength(PhoneNumber.MaxLength);
        builder.Property(o => o.Kind).HasMaxLength(Organisation.KindMaxLength);
        // Organisations held before SOR was asked count as active until it says otherwise.
        builder.Property(o => o.SorStatus).HasDefaultValue(SorStatus.Active).ValueGeneratedNever();
    }
}
