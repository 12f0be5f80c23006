namespace CareWorkspace.Infrastructure.Medicines;

/// <summary>A medication rule file is broken: the message names the file and the line, and says what is wrong there.</summary>
public sealed class MedicationRuleFileException(string message, Exception? inner = null) : Exception(message, inner);
