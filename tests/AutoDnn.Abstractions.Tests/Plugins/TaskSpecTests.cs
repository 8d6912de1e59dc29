using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Abstractions.Tests.Plugins;

public sealed class TaskSpecTests
{
    [Fact]
    public void KeepsACopyOfTheShape()
    {
        long[] shape = [1, 28, 28];
        var spec = new TaskSpec(TaskKind.ImageClassification, shape, 10);
        shape[0] = 3;

        Assert.Equal([1L, 28, 28], spec.InputShape);
        Assert.Equal(10, spec.OutputCount);
        Assert.Equal(0, spec.VocabularySize);
    }

    [Fact]
    public void RejectsEmptyOrNonPositiveShapes()
    {
        Assert.Equal("inputShape", Assert.Throws<ArgumentException>(() => new TaskSpec(TaskKind.TabularClassification, [], 2)).ParamName);
        Assert.Equal("inputShape", Assert.Throws<ArgumentException>(() => new TaskSpec(TaskKind.TabularClassification, [4, 0], 2)).ParamName);
    }

    [Fact]
    public void RejectsNoOutputsAndTextWithoutVocabulary()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaskSpec(TaskKind.ReinforcementLearning, [4], 0));
        Assert.Equal(
            "vocabularySize",
            Assert.Throws<ArgumentException>(() => new TaskSpec(TaskKind.TextClassification, [32], 2)).ParamName);
        Assert.Equal(500, new TaskSpec(TaskKind.TextClassification, [32], 2, vocabularySize: 500).VocabularySize);
    }
}
