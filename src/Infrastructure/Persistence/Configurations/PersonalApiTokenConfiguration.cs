using CareWorkspace.Domain.ApiTokens;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class PersonalApiTokenConfiguration : IEntityTypeConfiguration<PersonalApiToken>
{
    public void Configure(EntityTypeBuilder<PersonalApiToken> builder)
    {
        builder.ToTable("PersonalApiTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(PersonalApiToken.NameMaxLength).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(PersonalApiToken.HashLength).IsFixedLength().IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.OwnerUserId);
        builder.HasOne<CareUser>().WithMany().HasForeignKey(t => t.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
