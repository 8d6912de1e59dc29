using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;
using AutoDnn.Training.Data;

namespace AutoDnn.Training.Tests.Data;

public sealed class ExampleTensorsTests
{
    [Fact]
    public void Examples_are_stacked_in_order_with_their_labels()
    {
        var set = new ListSet(Enumerable.Range(0, 2500).Select(i => (new float[] { i, -i }, i % 4)).ToArray());

        using ExampleTensors all = ExampleTensors.Load(set, [2], 4, "train");
        using ExampleTensors some = ExampleTensors.Load(set, [2], 4, "train", [7, 2, 2049]);

        Assert.Equal([2500L, 2], all.Inputs.Shape);
        Assert.Equal(2499f, all.Inputs.ToArray<float>()[2 * 2499]);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)(i % 4)), all.LabelTensor.ToArray<long>());
        Assert.Equal([7f, -7f, 2f, -2f, 2049f, -2049f], some.Inputs.ToArray<float>());
        Assert.Equal([3, 2, 1], some.Labels);
    }

    [Fact]
    public void Bad_examples_are_named_by_set_and_index()
    {
        var wrongShape = new ListSet([(new float[] { 1, 2 }, 0), (new float[] { 1, 2, 3 }, 1)]);
        var wrongLabel = new ListSet([(new float[] { 1, 2 }, 0), (new float[] { 1, 2 }, 5)]);

        Assert.Equal("train example 1 has input shape [3] but the data source declares [2]",
            Assert.Throws<InvalidDataException>(() => ExampleTensors.Load(wrongShape, [2], 2, "train")).Message);
        Assert.Equal("test example 1 has label 5, but the data source has 2 classes (labels 0..1)",
            Assert.Throws<InvalidDataException>(() => ExampleTensors.Load(wrongLabel, [2], 2, "test")).Message);
        Assert.Throws<ArgumentException>(() => ExampleTensors.Load(new ListSet([]), [2], 2, "train"));
    }

    private sealed class ListSet((float[] Input, int Label)[] rows) : IExampleSet
    {
        public int Count => rows.Length;

        public Example Get(int index) => new(Tensor.From(rows[index].Input), rows[index].Label);
    }
}
