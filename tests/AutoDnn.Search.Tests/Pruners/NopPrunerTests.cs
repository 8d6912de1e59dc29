using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class NopPrunerTests : PrunerConformanceTests
{
    protected override IPruner CreatePruner() => new NopPruner();

    protected override IEnumerable<PrunerCase> KnownCases() =>
    [
        PrunerCase.Of("far worse than every finished trial", StudyDirection.Minimize, GoodHistory, [100, 100, 100, 100, 100], false),
        PrunerCase.Of("far worse when maximizing", StudyDirection.Maximize, GoodHistory, [-100, -100, -100], false),
        PrunerCase.Of("diverged to NaN", StudyDirection.Minimize, GoodHistory, [1, double.NaN], false),
    ];
}
