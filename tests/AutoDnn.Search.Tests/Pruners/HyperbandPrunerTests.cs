using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class HyperbandPrunerTests : PrunerConformanceTests
{
    // maxResource 9, η = 3: brackets 0, 1, 2 with budgets 9, 5, 3 and first rungs at steps 1, 3, 9. The judged trial
    // of a case is number 10 ("curves_10" → bracket 1); trials 2 and 7 of the history share its bracket.
    protected override IPruner CreatePruner() => new HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3);

    protected override IEnumerable<PrunerCase> KnownCases()
    {
        FrozenTrial[] badBracketMates = [.. GoodHistory.Select(t => t.Number is 2 or 7 ? Curves.Complete(t.Number, 50, 50, 50, 50, 50, 50) : t)];
        return
        [
            PrunerCase.Of("step 2 is before bracket 1's first rung (bracket 0's would prune)", StudyDirection.Minimize, GoodHistory, [10, 10, 10], false),
            PrunerCase.Of("at bracket 1's first rung (step 3), worst of its bracket", StudyDirection.Minimize, GoodHistory, [10, 10, 10, 10], true),
            PrunerCase.Of("at step 3, best of its bracket", StudyDirection.Minimize, GoodHistory, [10, 10, 10, 2.5], false),
            PrunerCase.Of("only bracket mates compete: they are worse here", StudyDirection.Minimize, badBracketMates, [10, 10, 10, 10], false),
        ];
    }

    [Fact]
    public void Brackets_match_optunas_crc32_assignment()
    {
        // Python: [bracket of zlib.crc32(f"curves_{n}".encode()) % 17 walked through budgets 9, 5, 3] for n in 0..29.
        int[] expected = [2, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 2, 1, 0, 1, 0, 0, 0, 1];
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3);
        StudySnapshot study = Curves.Study(StudyDirection.Minimize);

        Assert.Equal(expected, Enumerable.Range(0, 30).Select(n => pruner.GetBracket(study, n)!.Value));
        Assert.Equal([9, 5, 3], pruner.Budgets(study)!);
    }

    [Fact]
    public void Crc32_equals_zlib()
    {
        // zlib.crc32(b"curves_7") == 1790905268
        Assert.Equal(1790905268u, Crc32.Compute("curves_7"u8));
    }

    [Fact]
    public void Auto_max_resource_waits_for_a_completed_trial()
    {
        var pruner = new HyperbandPruner();
        StudySnapshot empty = Curves.Study(StudyDirection.Minimize, Curves.Running(0, 1, 2, 3));
        StudySnapshot done = Curves.Study(StudyDirection.Minimize, Curves.Complete(0, 1, [.. Enumerable.Range(0, 27).Select(s => 1.0)]));

        Assert.Null(pruner.GetBracket(empty, 0));
        Assert.False(pruner.ShouldPrune(empty, empty.Trials[0]));

        // Last step 26 → maxResource 27 → four brackets with budgets ceil(4·27/4), ceil(4·9/3), ceil(4·3/2), ceil(4·1/1).
        Assert.Equal([27, 12, 6, 4], pruner.Budgets(done)!);
    }

    [Fact]
    public void Rejects_bad_options_naming_them()
    {
        Assert.Equal("minResource", Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(minResource: 0)).ParamName);
        Assert.Equal("maxResource", Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(minResource: 5, maxResource: 4)).ParamName);
        Assert.Equal("reductionFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(reductionFactor: 1)).ParamName);
        Assert.Contains("auto", Assert.Throws<ArgumentException>(() => new HyperbandPruner(bootstrapCount: 1)).Message, StringComparison.Ordinal);
    }
}
