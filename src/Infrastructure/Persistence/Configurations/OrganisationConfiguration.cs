using CareWorkspace.Domain.Organisations;
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
    }
}
