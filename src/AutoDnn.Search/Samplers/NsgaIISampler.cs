using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers.Gp;
using AutoDnn.Search.Samplers.NsgaII;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers;

/// <summary>NSGA-II: elitist non-dominated sorting genetic algorithm for multi-objective (and constrained) studies.</summary>
/// <remarks>
/// Trial number k belongs to generation k / populationSize; generation 0 is uniform random. The parents of generation
/// g are the NSGA-II elite (constrained non-dominated fronts, then crowding distance) of all completed trials of earlier
/// generations, so every worker derives the same parents from storage alone. A child takes two binary-tournament
/// winners, crosses them with the crossover probability, and leaves each parameter to independent random sampling
/// with the mutation probability (default 1 / number of parameters). Constraints follow Optuna's constraints_func:
/// feasible dominates infeasible, and less total violation dominates more.
/// </remarks>
public sealed class NsgaIISampler : ISampler
{
    private readonly int _seed;
    private readonly int _populationSize;
    private readonly double? _mutationProbability;
    private readonly double _crossoverProbability;
    private readonly double _swappingProbability;
    private readonly NsgaIICrossover _crossover;
    private readonly double _sbxEta;

    /// <summary>Creates a sampler.</summary>
    /// <param name="seed">Same seed and same history → same proposals; random when null.</param>
    /// <param name="populationSize">Trials per generation (at least 2).</param>
    /// <param name="mutationProbability">Chance that a parameter is resampled at random; 1 / parameters when null.</param>
    /// <param name="crossoverProbability">Chance that a child mixes two parents rather than copying one.</param>
    /// <param name="swappingProbability">Chance that uniform crossover takes a parameter from the second parent.</param>
    /// <param name="crossover">The crossover operator.</param>
    /// <param name="sbxEta">Distribution index of SBX (larger keeps children closer to their parents).</param>
    public NsgaIISampler(
        int? seed = null,
        int populationSize = 50,
        double? mutationProbability = null,
        double crossoverProbability = 0.9,
        double swappingProbability = 0.5,
        NsgaIICrossover crossover = NsgaIICrossover.Uniform,
        double sbxEta = 15)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(populationSize, 2);
        if (mutationProbability is { } pm && !(pm >= 0 && pm <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(mutationProbability), pm, "mutationProbability must be in [0, 1].");
        }

        if (!(crossoverProbability >= 0 && crossoverProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(crossoverProbability), crossoverProbability, "crossoverProbability must be in [0, 1].");
        }

        if (!(swappingProbability >= 0 && swappingProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(swappingProbability), swappingProbability, "swappingProbability must be in [0, 1].");
        }

        if (!Enum.IsDefined(crossover))
        {
            throw new ArgumentOutOfRangeException(nameof(crossover), crossover, "Unknown crossover.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sbxEta);
        _seed = seed ?? Random.Shared.Next();
        _populationSize = populationSize;
        _mutationProbability = mutationProbability;
        _crossoverProbability = crossoverProbability;
        _swappingProbability = swappingProbability;
        _crossover = crossover;
        _sbxEta = sbxEta;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Distribution> InferRelativeSearchSpace(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        return Generation(trial) == 0
            ? new Dictionary<string, Distribution>()
            : CompletedTrialsSpace.Of(CompletedTrialsSpace.Completed(study));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(
        StudySnapshot study,
        FrozenTrial trial,
        IReadOnlyDictionary<string, Distribution> searchSpace)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(searchSpace);
        var space = new GpSearchSpace(searchSpace);
        int firstOfGeneration = Generation(trial) * _populationSize;
        List<FrozenTrial> candidates = CompletedTrialsSpace.Completed(study)
            .Where(t => t.Number < firstOfGeneration && space.Names.All(n => t.InternalParams.ContainsKey(n) && searchSpace[n].Contains(t.InternalParams[n])))
            .ToList();
        var parents = NonDominatedSorting.SelectElite(candidates, study.Directions, _populationSize);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (space.Dimensions == 0 || parents.Count < 2)
        {
            return result;
        }

        var random = new Random(SeedMixer.Mix(_seed, trial.Number, 0x75A2));
        FrozenTrial first = Tournament(parents, random);
        FrozenTrial second = Tournament(parents, random);
        bool cross = random.NextDouble() < _crossoverProbability;
        double mutation = _mutationProbability ?? 1.0 / space.Dimensions;
        for (int j = 0; j < space.Dimensions; j++)
        {
            string name = space.Names[j];
            double a = first.InternalParams[name];
            double b = second.InternalParams[name];
            double child = !cross ? a
                : _crossover == NsgaIICrossover.Sbx && !space.Categorical[j] ? Sbx(space, j, a, b, random)
                : random.NextDouble() < _swappingProbability ? b : a;

            // A mutated parameter is left out, so the study asks SampleIndependent (uniform) for it.
            if (random.NextDouble() >= mutation)
            {
                result[name] = child;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public double SampleIndependent(StudySnapshot study, FrozenTrial trial, string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(name);
        var random = new Random(SeedMixer.Mix(_seed, trial.Number, SeedMixer.Hash(name)));
        return RandomSampler.Sample(distribution, random);
    }

    private int Generation(FrozenTrial trial) => trial.Number / _populationSize;

    private static FrozenTrial Tournament(List<(FrozenTrial Trial, int Rank, double Crowding)> population, Random random)
    {
        var a = population[random.Next(population.Count)];
        var b = population[random.Next(population.Count)];
        if (a.Rank != b.Rank)
        {
            return a.Rank < b.Rank ? a.Trial : b.Trial;
        }

        return a.Crowding >= b.Crowding ? a.Trial : b.Trial;
    }

    // Simulated binary crossover (Deb & Agrawal 1995) in the encoded [0, 1] coordinate, returning one child.
    private double Sbx(GpSearchSpace space, int dimension, double a, double b, Random random)
    {
        double x1 = space.Encode(dimension, a);
        double x2 = space.Encode(dimension, b);
        double u = random.NextDouble();
        double beta = u <= 0.5
            ? Math.Pow(2 * u, 1 / (_sbxEta + 1))
            : Math.Pow(1 / (2 * (1 - u)), 1 / (_sbxEta + 1));
        double mid = 0.5 * (x1 + x2);
        double half = 0.5 * Math.Abs(x2 - x1) * beta;
        double child = random.NextDouble() < 0.5 ? mid - half : mid + half;
        return space.Decode(dimension, Math.Clamp(child, 0, 1));
    }
}
