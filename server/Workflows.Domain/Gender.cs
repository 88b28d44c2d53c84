namespace Workflows.Domain;

/// <summary>Gender as encoded in a resident ID number (GB 11643: odd sequence digit = male).</summary>
public enum Gender
{
    Male,
    Female,
}
