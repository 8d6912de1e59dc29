namespace AutoDnn.Torch.Tests;

/// <summary>Python-style indexing and assignment; fixture tests cover reads against PyTorch.</summary>
public class IndexingTests
{
    [Fact]
    public void BasicIndexing_GivesViews_ThatShareStorage()
    {
        using var scope = LibTorch.NewScope();
        var t = Tensor.Arange(12, DType.Float32).View(3, 4);
        Tensor row = t[1];
        row.FillInPlace(-1);
        Assert.Equal(new float[] { 0, 1, 2, 3, -1, -1, -1, -1, 8, 9, 10, 11 }, t.ToArray<float>());
    }

    [Fact]
    public void Assign_ThroughSlices_Scalars_Masks_AndIndexTensors()
    {
        using var scope = LibTorch.NewScope();
        var t = Tensor.Zeros(3, 4);
        t.Assign([Range.All, 1..3], 5.0);
        t[0] = Tensor.From(new float[] { 1, 2, 3, 4 });
        t.Assign([t > 4.5], 7.0);
        t[2, Tensor.From(new long[] { 0, 3 })] = Tensor.From(new float[] { 8, 9 });
        Assert.Equal(new float[] { 1, 2, 3, 4, 0, 7, 7, 0, 8, 7, 7, 9 }, t.ToArray<float>());
    }

    [Fact]
    public void FromEndIndices_AndRanges_MatchPythonNegatives()
    {
        using var scope = LibTorch.NewScope();
        var t = Tensor.Arange(10, DType.Int64);
        Assert.Equal(9, t[^1].ItemInt64());
        Assert.Equal(new long[] { 7, 8 }, t[^3..^1].ToArray<long>());
        Assert.Equal(new long[] { 0, 1 }, t[..2].ToArray<long>());
        Assert.Empty(t[^0..].ToArray<long>());
        Assert.Equal(new long[] { 1, 4, 7 }, t[TensorIndex.Slice(1, null, 3)].ToArray<long>());
    }

    [Fact]
    public void BadIndexExpressions_SayWhy()
    {
        using var scope = LibTorch.NewScope();
        var t = Tensor.Zeros(2, 2);
        Assert.Contains("too many indices", Assert.Throws<ArgumentException>(() => t[0, 0, 0]).Message);
        Assert.Contains("only one Ellipsis", Assert.Throws<ArgumentException>(() => t[TensorIndex.Ellipsis, TensorIndex.Ellipsis]).Message);
        Assert.Contains("step must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => TensorIndex.Slice(0, 2, -1)).Message);
        var mask = t > 1.0;
        Assert.Contains("must come last", Assert.Throws<ArgumentException>(() => t.Assign([Tensor.From(new long[] { 0 }), 0], 1.0)).Message);
        Assert.Equal(0, t[mask].NumEl);
    }
}
