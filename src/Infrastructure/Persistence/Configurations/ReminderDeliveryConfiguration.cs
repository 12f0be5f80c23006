using CareWorkspace.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.ToTable("ReminderDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RecipientUserId).HasMaxLength(450).IsRequired();
        // The database, not the job, guarantees "never the same reminder twice", also between concurrent runs.
        builder.HasIndex(d => new { d.AppointmentId, d.RecipientUserId, d.StartsAt, d.Channel }).IsUnique();
        builder.HasIndex(d => new { d.AppointmentId, d.StartsAt });
        builder.HasIndex(d => d.SentAt);
    }
}
