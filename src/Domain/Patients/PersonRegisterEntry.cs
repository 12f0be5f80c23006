namespace CareWorkspace.Domain.Patients;

/// <summary>What the person register (the CPR register's role) says about a patient.</summary>
public sealed record PersonRegisterEntry(string GivenName, string FamilyName, Address? Address, bool NameAndAddressProtected, bool Deceased);
