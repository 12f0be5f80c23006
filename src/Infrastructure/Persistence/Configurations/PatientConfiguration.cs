using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.ToTable("Patients");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.GivenName).HasMaxLength(Patient.NameMaxLength).IsRequired();
        builder.Property(p => p.FamilyName).HasMaxLength(Patient.NameMaxLength).IsRequired();
        builder.Ignore(p => p.FullName);
        builder.Property(p => p.Cpr)
            // A value converter cannot take the app's injected clock; only a stored X-eCPR's century guess depends on the year.
            .HasConversion(c => c.Value, v => Cpr.Parse(v, CopenhagenTime.Today(TimeProvider.System)))
            .HasMaxLength(Cpr.StoredLength)
            .IsRequired();
        builder.HasIndex(p => p.Cpr).IsUnique();
        builder.HasIndex(p => new { p.FamilyName, p.GivenName });
        builder.Property(p => p.SearchName).HasMaxLength(Patient.NameMaxLength * 2 + 1).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(PhoneNumber.MaxLength);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.ContactChannelChangedBy).HasMaxLength(200);
        builder.HasOne<CareUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.GpOrganisationId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsOne(p => p.Address, a =>
        {
            a.Property(x => x.Line).HasColumnName("AddressLine").HasMaxLength(Address.LineMaxLength);
            a.Property(x => x.PostalCode).HasColumnName("PostalCode").HasMaxLength(4);
            a.Property(x => x.City).HasColumnName("City").HasMaxLength(100);
        });

        builder.OwnsMany(p => p.Relatives, r =>
        {
            r.ToTable("ContactRelatives");
            r.WithOwner().HasForeignKey("PatientId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Name).HasMaxLength(ContactRelative.NameMaxLength).IsRequired();
            r.Property(x => x.Phone).HasMaxLength(PhoneNumber.MaxLength).IsRequired();
            r.Property(x => x.UserId).HasMaxLength(450);
            r.HasIndex(x => x.UserId);
            r.Property(x => x.ChangedBy).HasMaxLength(200);
        });
        builder.Navigation(p => p.Relatives).HasField("_relatives");

        builder.OwnsMany(p => p.CareTeam, m =>
        {
            m.ToTable("CareTeamMemberships");
            m.WithOwner().HasForeignKey("PatientId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.HasIndex(x => x.OrganisationId);
            m.Property(x => x.PersonName).HasMaxLength(CareTeamMembership.PersonMaxLength);
            m.Property(x => x.Phone).HasMaxLength(PhoneNumber.MaxLength);
            m.Property(x => x.ChangedBy).HasMaxLength(200);
            m.Property(x => x.Reason).HasMaxLength(CareTeamMembership.ReasonMaxLength);
        });
        builder.Navigation(p => p.CareTeam).HasField("_careTeam");

        builder.OwnsMany(p => p.Conditions, c =>
        {
            c.ToTable("Conditions");
            c.WithOwner().HasForeignKey("PatientId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.CodeSystem).HasMaxLength(200).IsRequired();
            c.Property(x => x.Code).HasMaxLength(50).IsRequired();
            c.Property(x => x.Text).HasMaxLength(300).IsRequired();
        });
        builder.Navigation(p => p.Conditions).HasField("_conditions");
    }
}
