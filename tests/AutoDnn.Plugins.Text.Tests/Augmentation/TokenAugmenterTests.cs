using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Text.Augmentation;
using AutoDnn.Plugins.Text.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Tests.Augmentation;

public class TokenAugmenterTests
{
    // 16 rows of 10 columns: texts of 0..10 tokens (ids 2..40), padded with 0; one row is full, one empty.
    private static long[,] Batch()
    {
        var ids = new long[16, 10];
        for (int r = 0; r < 16; r++)
            for (int c = 0; c < Math.Min(10, r * 7 % 11); c++) ids[r, c] = 2 + (r * 13 + c * 5) % 39;
        return ids;
    }

    private static long[][] Rows(long[] flat) => flat.Chunk(10).ToArray();

    private static long[][] Apply(IBatchTransform transform, ulong seed)
    {
        using var generator = new Generator(seed);
        using var scope = LibTorch.NewScope();
        Tensor output = transform.Apply(Tensor.From(Batch()), generator);
        Assert.Equal(new long[] { 16, 10 }, output.Shape);
        Assert.Equal(DType.Int64, output.DType);
        return Rows(output.ToArray<long>());
    }

    private static long[][] Input()
    {
        using var scope = LibTorch.NewScope();
        return Rows(Tensor.From(Batch()).ToArray<long>());
    }

    private static int Length(long[] row) => row.TakeWhile(id => id != 0).Count();

    // Padding stays a suffix, and every position that was padding and lies past the new text stays padding.
    private static void AssertPaddingAtTheEnd(long[][] before, long[][] after)
    {
        for (int r = 0; r < before.Length; r++)
        {
            int length = Length(after[r]);
            Assert.All(after[r].Skip(length), id => Assert.Equal(0, id));
            if (Length(before[r]) == 0) Assert.All(after[r], id => Assert.Equal(0, id));
        }
    }

    public static TheoryData<string> Names() => ["random-deletion", "random-swap", "random-insertion", "synonym-replacement"];

    private static IBatchTransform Create(string name, double p) => name switch
    {
        "random-deletion" => RandomDeletion.Create(p),
        "random-swap" => RandomSwap.Create(p),
        "random-insertion" => RandomInsertion.Create(p),
        _ => SynonymReplacement.Create(p, Enumerable.Range(2, 39).ToDictionary(i => (long)i, i => new[] { (long)(i % 39 + 2) })),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void DeterministicPerSeedAndPaddingStaysAtTheEnd(string name)
    {
        IBatchTransform transform = Create(name, 0.3);
        long[][] a = Apply(transform, 5), b = Apply(transform, 5), c = Apply(transform, 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(Input(), a);
        AssertPaddingAtTheEnd(Input(), a);
        Assert.Equal(Input(), Apply(Create(name, 0), 5));
    }

    [Fact]
    public void DeletionShortensKeepingOrderAndAtLeastOneToken()
    {
        long[][] before = Input(), after = Apply(RandomDeletion.Create(0.5), 3);
        Assert.True(after.Sum(Length) < before.Sum(Length));
        for (int r = 0; r < before.Length; r++)
        {
            long[] kept = after[r].Take(Length(after[r])).ToArray();
            Assert.True(Length(before[r]) == 0 || kept.Length >= 1);
            int at = 0; // kept is a subsequence of the original text
            foreach (long id in kept) { while (before[r][at] != id) at++; at++; }
        }
        Assert.All(Apply(RandomDeletion.Create(1.0), 3).Zip(before), p => Assert.Equal(Math.Min(1, Length(p.Second)), Length(p.First)));
    }

    [Fact]
    public void SwapKeepsEachTextsMultisetAndLength()
    {
        long[][] before = Input(), after = Apply(RandomSwap.Create(0.3), 4);
        for (int r = 0; r < before.Length; r++)
        {
            Assert.Equal(Length(before[r]), Length(after[r]));
            Assert.Equal(before[r].Order(), after[r].Order());
        }
    }

    [Fact]
    public void InsertionAddsCopiesOfInTextTokensAsFarAsThereIsRoom()
    {
        long[][] before = Input(), after = Apply(RandomInsertion.Create(0.3), 4);
        for (int r = 0; r < before.Length; r++)
        {
            int n = Length(before[r]);
            int expected = n == 0 ? 0 : Math.Min(10, n + Math.Max(1, (int)(0.3 * n)));
            Assert.Equal(expected, Length(after[r]));
            Assert.All(after[r].Take(expected), id => Assert.Contains(id, before[r].Take(n)));
            if (n == 10) Assert.Equal(before[r], after[r]);
        }
    }

    [Fact]
    public void SynonymReplacementOnlySwapsInSynonyms()
    {
        var synonyms = new Dictionary<long, long[]> { [2] = [3], [5] = [7, 9] };
        long[][] before = Input(), after = Apply(SynonymReplacement.Create(1.0, synonyms), 2);
        for (int r = 0; r < before.Length; r++)
            for (int c = 0; c < 10; c++)
            {
                long expected = before[r][c] switch { 2 => 3, 5 => -1, var id => id };
                if (expected == -1) Assert.Contains(after[r][c], new long[] { 7, 9 });
                else Assert.Equal(expected, after[r][c]);
            }
    }

    [Fact]
    public void ConfigureSuggestsThePrefixedProbability()
    {
        foreach (IAugmenter augmenter in new IAugmenter[] { new RandomDeletion(), new RandomSwap(), new RandomInsertion() })
        {
            var trial = new FixedTrial(new Dictionary<string, object?> { [$"{augmenter.Name}.p"] = 0.2 });
            augmenter.Configure(trial);
            Assert.Equal($"{augmenter.Name}.p", Assert.Single(trial.Suggestions).Name);
            Assert.Equal(TaskKind.TextClassification, augmenter.Task);
        }
    }

    [Fact]
    public void RejectsABatchThatIsNotInt64TokenIds()
    {
        using var generator = new Generator(1);
        using var scope = LibTorch.NewScope();
        var e = Assert.Throws<ArgumentException>(() => RandomSwap.Create(0.1).Apply(Tensor.Zeros(2, 3), generator));
        Assert.Contains("random-swap", e.Message);
        Assert.Contains("int64", e.Message);
    }
}
