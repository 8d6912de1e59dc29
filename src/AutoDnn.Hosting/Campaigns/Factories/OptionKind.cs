namespace AutoDnn.Hosting.Campaigns.Factories;

/// <summary>The type of a sampler or pruner option in a campaign file.</summary>
public enum OptionKind
{
    /// <summary>An integer.</summary>
    Int,

    /// <summary>A number (an integer is accepted).</summary>
    Float,

    /// <summary>true or false.</summary>
    Bool,

    /// <summary>An integer, or "auto" (stored as null).</summary>
    IntOrAuto,

    /// <summary>One of the option's named choices.</summary>
    Choice,

    /// <summary>A mapping of parameter names to lists of values (the grid sampler's grid).</summary>
    Grid,

    /// <summary>Another pruner: a name or {name, options} (the patient pruner's wrapped pruner).</summary>
    Pruner,
}
