using CareWorkspace.Domain.CalendarFeeds;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class CalendarFeedSubscriptionConfiguration : IEntityTypeConfiguration<CalendarFeedSubscription>
{
    public void Configure(EntityTypeBuilder<CalendarFeedSubscription> builder)
    {
        builder.ToTable("CalendarFeedSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.TokenHash).HasMaxLength(CalendarFeedSubscription.HashLength).IsFixedLength().IsRequired();
        builder.Ignore(s => s.IsActive);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => new { s.PatientId, s.OwnerUserId });
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CareUser>().WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
