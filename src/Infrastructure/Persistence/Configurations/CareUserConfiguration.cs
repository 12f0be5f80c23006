using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class CareUserConfiguration : IEntityTypeConfiguration<CareUser>
{
    public void Configure(EntityTypeBuilder<CareUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(CareUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.PreferredLanguage).HasMaxLength(CareUser.PreferredLanguageMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
