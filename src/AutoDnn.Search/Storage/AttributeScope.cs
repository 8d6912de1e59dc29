namespace AutoDnn.Search.Storage;

/// <summary>Whose attribute it is: the user's (provenance, notes) or the engine's and samplers' own.</summary>
public enum AttributeScope
{
    User,
    System,
}
