using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Plugins.Text.Models;
using AutoDnn.Plugins.Text.Tests.Support;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Optim;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Plugins.Text.Tests.Models;

public class RecurrentArchitectureTests
{
    public static TheoryData<string, SequencePooling, bool, int> Variants()
    {
        var data = new TheoryData<string, SequencePooling, bool, int>();
        foreach (string family in new[] { "text-lstm", "text-gru" })
            foreach (SequencePooling pooling in Enum.GetValues<SequencePooling>())
            {
                data.Add(family, pooling, false, 1);
                data.Add(family, pooling, true, 2);
            }
        return data;
    }

    private static RecurrentArchitecture Family(string name) => name == "text-lstm" ? new TextLstmArchitecture() : new TextGruArchitecture();

    private static Tensor Ids(long[,] ids) => Tensor.From(ids);

    [Theory]
    [MemberData(nameof(Variants))]
    public void OutputShapeAndPaddingDoesNotLeak(string family, SequencePooling pooling, bool bidirectional, int layers)
    {
        using var model = Family(family).Create(20, 8, 6, layers, bidirectional, 0.0, pooling, 0.0, 3);
        model.Eval();
        using var scope = LibTorch.NewScope();
        Tensor batch = Ids(new long[,] { { 5, 6, 7, 8, 9, 0, 0 }, { 4, 3, 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0, 0, 0 } });
        Tensor logits = model.Forward(batch);
        Assert.Equal(new long[] { 3, 3 }, logits.Shape);
        Assert.True(logits.IsFinite().All().ToBoolean(), $"logits {logits.Format()}");

        // Each row alone and without padding gives the same logits as inside the padded batch.
        float[] all = logits.ToArray<float>();
        float[] first = model.Forward(Ids(new long[,] { { 5, 6, 7, 8, 9 } })).ToArray<float>();
        float[] second = model.Forward(Ids(new long[,] { { 4, 3 } })).ToArray<float>();
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(first[c], all[c], 5);
            Assert.Equal(second[c], all[3 + c], 5);
        }
    }

    [Theory]
    [InlineData("text-lstm")]
    [InlineData("text-gru")]
    public void AllPaddingRowsGiveFiniteLogitsAndGradients(string family)
    {
        foreach (SequencePooling pooling in Enum.GetValues<SequencePooling>())
        {
            using var model = Family(family).Create(10, 4, 5, 2, true, 0.2, pooling, 0.3, 2);
            using var scope = LibTorch.NewScope();
            Tensor batch = Ids(new long[,] { { 0, 0, 0, 0 }, { 3, 0, 0, 0 } });
            Tensor loss = F.CrossEntropy(model.Forward(batch), Tensor.From(new long[] { 0, 1 }, 2));
            loss.Backward();
            Assert.True(double.IsFinite(loss.Item()), $"{pooling}: loss {loss.Item()}");
            Assert.All(model.Parameters(), p => Assert.True(p.Grad is null || p.Grad.IsFinite().All().ToBoolean(), $"{pooling}: gradient"));
        }
    }

    [Theory]
    [InlineData("text-lstm")]
    [InlineData("text-gru")]
    public void LearnsWhetherATextHoldsAKeyword(string family)
    {
        // Texts of 2-8 random tokens from 3..19; the class says whether token 2 occurs in them.
        using var generator = new Generator(11);
        const int count = 64, steps = 12;
        var ids = new long[count, steps];
        var labels = new long[count];
        using (var draw = LibTorch.NewScope())
        {
            long[] tokens = Tensor.RandInt(3, 20, [count, steps], generator).ToArray<long>();
            long[] lengths = Tensor.RandInt(2, 9, [count], generator).ToArray<long>();
            long[] where = Tensor.RandInt(0, 2, [count], generator).ToArray<long>();
            for (int i = 0; i < count; i++)
            {
                labels[i] = i % 2;
                for (int t = 0; t < lengths[i]; t++) ids[i, t] = tokens[i * steps + t];
                if (labels[i] == 1) ids[i, where[i] * (lengths[i] - 1)] = 2;
            }
        }
        using var model = Family(family).Create(20, 16, 16, 1, false, 0, SequencePooling.Max, 0, 2);
        using var adam = new Adam(model.Parameters(), lr: 0.02);
        using Tensor x = Tensor.From(ids), y = Tensor.From(labels, count);
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            using var scope = LibTorch.NewScope();
            Tensor loss = F.CrossEntropy(model.Forward(x), y);
            adam.ZeroGrad();
            loss.Backward();
            adam.Step();
            last = loss.Item();
            if (step == 0) first = last;
        }
        Assert.True(last < 0.3 * first, $"{family}: loss {first:F3} -> {last:F3}");
    }

    [Theory]
    [InlineData("text-lstm")]
    [InlineData("text-gru")]
    public void BuildSuggestsPrefixedHyperparametersAndBetweenLayerDropoutOnlyForTwoLayers(string family)
    {
        var task = new TaskSpec(TaskKind.TextClassification, [16], 4, vocabularySize: 50);
        var oneLayer = new FixedTrial();
        using (Module<Tensor, Tensor> model = Family(family).Build(oneLayer, task))
        {
            Assert.Equal(
                new[] { "embedding_dim", "hidden_size", "num_layers", "bidirectional", "pooling", "dropout" }.Select(n => $"{family}.{n}"),
                oneLayer.Suggestions.Select(s => s.Name));
            Assert.Equal(new CategoricalDistribution([32, 64, 128]), oneLayer.Suggestions[0].Distribution);
            Assert.Equal(new IntDistribution(32, 256, log: true), oneLayer.Suggestions[1].Distribution);
            using var scope = LibTorch.NewScope();
            Assert.Equal(new long[] { 2, 4 }, model.Forward(Tensor.Zeros([2, 16], DType.Int64)).Shape);
        }
        var twoLayers = new FixedTrial(new Dictionary<string, object?> { [$"{family}.num_layers"] = 2, [$"{family}.pooling"] = "mean" });
        using (Family(family).Build(twoLayers, task))
            Assert.Contains($"{family}.rnn_dropout", twoLayers.Suggestions.Select(s => s.Name));
        var image = new TaskSpec(TaskKind.ImageClassification, [1, 8, 8], 2);
        Assert.Contains("text classification", Assert.Throws<ArgumentException>(() => Family(family).Build(new FixedTrial(), image)).Message);
    }
}
