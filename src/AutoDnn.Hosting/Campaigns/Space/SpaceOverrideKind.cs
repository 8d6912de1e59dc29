namespace AutoDnn.Hosting.Campaigns.Space;

/// <summary>What a campaign file's space entry does to the hyperparameter a plugin suggests.</summary>
public enum SpaceOverrideKind
{
    /// <summary>Fixes the parameter to one value.</summary>
    Fixed,

    /// <summary>Replaces the bounds (and optionally log/step) of a float or int range.</summary>
    Range,

    /// <summary>Replaces the parameter's domain by a list of choices.</summary>
    Choices,

    /// <summary>Adds choices to the plugin's own categorical choices.</summary>
    AddChoices,
}
