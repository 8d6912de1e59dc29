namespace AutoDnn.Search.Samplers.Gp;

/// <summary>A Halton sequence with seeded random digit permutations per dimension and digit (space-filling, stateless).</summary>
internal sealed class ScrambledHalton
{
    private readonly int[][][] _permutations;
    private readonly int[] _bases;

    public ScrambledHalton(int seed, int dimensions, int firstDimension = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        _bases = new int[dimensions];
        _permutations = new int[dimensions][][];
        for (int j = 0; j < dimensions; j++)
        {
            int dimension = firstDimension + j;
            int b = Prime(dimension);
            _bases[j] = b;
            var random = new Random(SeedMixer.Mix(seed, dimension, 0x4A17));
            int digits = (int)Math.Ceiling(53 / Math.Log2(b));
            _permutations[j] = new int[digits][];
            for (int k = 0; k < digits; k++)
            {
                int[] permutation = Enumerable.Range(0, b).ToArray();
                random.Shuffle(permutation);
                _permutations[j][k] = permutation;
            }
        }
    }

    public int Dimensions => _bases.Length;

    /// <summary>The index-th point in [0, 1)^d.</summary>
    public void Point(long index, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        for (int j = 0; j < _bases.Length; j++)
        {
            output[j] = Coordinate(j, index);
        }
    }

    /// <summary>One coordinate of the index-th point.</summary>
    public double Coordinate(int dimension, long index)
    {
        int b = _bases[dimension];
        int[][] permutations = _permutations[dimension];
        double scale = 1.0 / b;
        double value = 0;
        long rest = index;

        // Trailing zero digits are permuted too, so every coordinate is a uniform draw, not just the leading ones.
        for (int k = 0; k < permutations.Length; k++)
        {
            int digit = (int)(rest % b);
            rest /= b;
            value += permutations[k][digit] * scale;
            scale /= b;
        }

        return Math.Min(value, 1 - 1e-16);
    }

    private static int Prime(int index)
    {
        int count = -1;
        for (int candidate = 2; ; candidate++)
        {
            bool prime = true;
            for (int divisor = 2; divisor * divisor <= candidate; divisor++)
            {
                if (candidate % divisor == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime && ++count == index)
            {
                return candidate;
            }
        }
    }
}
