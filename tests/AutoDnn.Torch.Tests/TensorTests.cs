namespace AutoDnn.Torch.Tests;

public class TensorTests
{
    [Fact]
    public void FromArray_RoundTripsValuesShapeAndDType()
    {
        using var scope = LibTorch.NewScope();
        var t = Tensor.From(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        Assert.Equal(new long[] { 2, 3 }, t.Shape);
        Assert.Equal(DType.Float32, t.DType);
        Assert.Equal(Device.Cpu, t.Device);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.ToArray<float>());
        Assert.Equal(6, t.NumEl);
    }

    [Fact]
    public void AllDTypes_RoundTrip()
    {
        using var scope = LibTorch.NewScope();
        Assert.Equal(new double[] { 1.5, -2 }, Tensor.From(new double[] { 1.5, -2 }).ToArray<double>());
        Assert.Equal(new long[] { long.MaxValue, -3 }, Tensor.From(new long[] { long.MaxValue, -3 }).ToArray<long>());
        Assert.Equal(new[] { true, false }, Tensor.From(new[] { true, false }).ToArray<bool>());
        Assert.Equal(DType.Bool, Tensor.From(new[] { true }).DType);
        Assert.Equal(long.MaxValue, Tensor.Scalar(long.MaxValue).ItemInt64());
    }

    [Fact]
    public void ToArray_WithWrongElementType_SaysWhatToDo()
    {
        using var scope = LibTorch.NewScope();
        var e = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2).ToArray<double>());
        Assert.Contains("Float32", e.Message);
        Assert.Contains("To(DType.Float64)", e.Message);
    }

    [Fact]
    public void From_WithShapeThatDoesNotMatchData_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.From(new float[] { 1, 2, 3 }, 2, 2));
        Assert.Contains("holds 4 elements but 3", e.Message);
    }

    [Fact]
    public void ScalarArithmetic_FollowsPythonPromotion()
    {
        using var scope = LibTorch.NewScope();
        var f = Tensor.From(new float[] { 1, 2 });
        Assert.Equal(DType.Float32, (f * 2.5).DType);
        Assert.Equal(DType.Float32, (f * 2).DType);
        var i = Tensor.From(new long[] { 1, 2 });
        Assert.Equal(DType.Int64, (i * 2).DType);
        Assert.Equal(DType.Float32, (i * 2.5).DType);
        Assert.Equal(new float[] { 1f, 0.5f }, (1.0 / f).ToArray<float>());
        Assert.Equal(new float[] { 2f, 1f }, (3.0 - f).ToArray<float>());
        Assert.Equal(new float[] { 2f, 4f }, Tensor.Pow(2.0, f).ToArray<float>());
    }

    [Fact]
    public void Comparisons_GiveBoolTensors()
    {
        using var scope = LibTorch.NewScope();
        var a = Tensor.From(new float[] { 1, 2, 3 });
        Assert.Equal(new[] { false, false, true }, (a > 2.0).ToArray<bool>());
        Assert.Equal(new[] { true, true, false }, (a <= Tensor.From(new float[] { 1, 5, 0 })).ToArray<bool>());
        Assert.Equal(new[] { false, true, false }, a.Eq(2).ToArray<bool>());
    }

    [Fact]
    public void Format_PrintsValues()
    {
        using var scope = LibTorch.NewScope();
        Assert.Contains("2.5", Tensor.From(new float[] { 2.5f }).Format());
        Assert.Equal("Tensor([2, 3], Float32, cpu)", Tensor.Zeros(2, 3).ToString());
    }
}
