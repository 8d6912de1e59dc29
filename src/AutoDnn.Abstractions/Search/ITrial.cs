using System.Text.Json;

namespace AutoDnn.Abstractions.Search;

/// <summary>One define-by-run evaluation: the objective asks it for hyperparameters and reports progress to it.</summary>
/// <remarks>
/// A parameter exists in a trial only if the objective suggests it, so conditional parameters simply appear in some
/// trials. Suggesting a name twice returns the first value. A trial is used by one thread.
/// </remarks>
public interface ITrial
{
    /// <summary>The trial's number in its study: 0, 1, 2… in creation order.</summary>
    int Number { get; }

    /// <summary>The parameters suggested so far, as user-facing values.</summary>
    IReadOnlyDictionary<string, object?> Params { get; }

    /// <summary>The user attributes set so far.</summary>
    IReadOnlyDictionary<string, JsonElement> UserAttributes { get; }

    /// <summary>A float in [low, high]; log samples log-uniformly; step puts it on the grid low, low+step, …, high.</summary>
    double SuggestFloat(string name, double low, double high, bool log = false, double? step = null);

    /// <summary>An int in [low, high] on the grid low, low+step, …, high; log samples log-uniformly.</summary>
    int SuggestInt(string name, int low, int high, bool log = false, int step = 1);

    /// <summary>One of the choices (strings, bools, ints, longs, doubles or null).</summary>
    T SuggestCategorical<T>(string name, IReadOnlyList<T> choices);

    /// <summary>A value from any distribution (e.g. one read from a campaign file), as its user-facing value.</summary>
    object? Suggest(string name, Distribution distribution);

    /// <summary>Records an intermediate objective value at a step (epoch) of a cross-validation fold.</summary>
    void Report(double value, int step, int fold = 0);

    /// <summary>Asks the study's pruner whether to stop this trial now; throw <see cref="TrialPrunedException"/> if so.</summary>
    bool ShouldPrune();

    /// <summary>Stores a JSON-serializable value under key (provenance, notes), visible in storage and the viewer.</summary>
    void SetUserAttribute<T>(string key, T value);
}
