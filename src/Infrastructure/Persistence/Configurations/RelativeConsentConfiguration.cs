using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class RelativeConsentConfiguration : IEntityTypeConfiguration<RelativeConsent>
{
    public void Configure(EntityTypeBuilder<RelativeConsent> builder)
    {
        builder.ToTable("RelativeConsents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.RelativeUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CareUser>().WithMany().HasForeignKey(c => c.RelativeUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PatientId, c.RelativeUserId });
        builder.Property(c => c.GivenBy).HasMaxLength(RelativeConsent.NameMaxLength);
        builder.Property(c => c.GivenReason).HasMaxLength(RelativeConsent.ReasonMaxLength);
        builder.Property(c => c.WithdrawnBy).HasMaxLength(RelativeConsent.NameMaxLength);
        builder.Property(c => c.WithdrawnReason).HasMaxLength(RelativeConsent.ReasonMaxLength);
        builder.Ignore(c => c.IsActive);
        builder.Ignore(c => c.ExpiresAt);
        builder.Ignore(c => c.Sections);
        // Sections stored as one readable text column ("MasterData,CareTeam"), the same on every provider.
        builder.Property<List<PatientSection>>("_sections")
            .HasColumnName("Sections")
            .HasMaxLength(400)
            .HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PatientSection>).ToList(),
                new ValueComparer<List<PatientSection>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)),
                    v => v.ToList()));
    }
}
