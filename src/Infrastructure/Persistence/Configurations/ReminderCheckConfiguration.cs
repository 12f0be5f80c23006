using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class ReminderCheckConfiguration : IEntityTypeConfiguration<ReminderCheck>
{
    public void Configure(EntityTypeBuilder<ReminderCheck> builder)
    {
        builder.ToTable("ReminderChecks");
        builder.HasKey(k => k.AppointmentId);
        builder.Property(k => k.AppointmentId).ValueGeneratedNever();
        builder.Property(k => k.PatientUserId).HasMaxLength(450);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(k => k.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
