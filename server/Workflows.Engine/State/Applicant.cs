using Workflows.Definitions.Model;

namespace Workflows.Engine.State;

/// <summary>The applicant: a person (resident ID) or an organisation (USCC).</summary>
public sealed record Applicant(ApplicantType Type, string Name, string IdNumber, string? Phone = null);
