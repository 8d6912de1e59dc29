namespace AutoDnn.Torch.Tests;

/// <summary>libtorch errors become managed exceptions with libtorch's message, and the process keeps working.</summary>
public class ErrorTests
{
    [Fact]
    public void ShapeMismatch_ThrowsTorchException_WithLibtorchsMessage_AndWorkGoesOn()
    {
        using var scope = LibTorch.NewScope();
        var a = Tensor.Ones(2, 3);
        var e = Assert.Throws<TorchException>(() => a.MatMul(Tensor.Ones(2, 3)));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", e.Message);
        Assert.DoesNotContain("Exception raised from", e.Message); // no C++ backtrace noise
        Assert.Equal(new float[] { 3, 3, 3, 3 }, a.MatMul(Tensor.Ones(3, 2)).ToArray<float>());
    }

    [Fact]
    public void ErrorsOnManyThreads_EachGetTheirOwnMessage()
    {
        var messages = new string[8];
        Parallel.For(0, messages.Length, i =>
        {
            using var scope = LibTorch.NewScope();
            var e = Assert.Throws<TorchException>(() => Tensor.Ones(i + 1).View(i + 2));
            messages[i] = e.Message;
        });
        for (int i = 0; i < messages.Length; i++)
            Assert.Contains($"shape '[{i + 2}]' is invalid for input of size {i + 1}", messages[i]);
    }

    [Fact]
    public void BackwardOnNonScalar_WithoutGradient_Throws()
    {
        using var scope = LibTorch.NewScope();
        var x = Tensor.Ones(3).WithRequiresGrad();
        var e = Assert.Throws<TorchException>(() => (x * 2).Backward());
        Assert.Contains("grad can be implicitly created only for scalar outputs", e.Message);
    }

    [Fact]
    public void UsingADisposedTensor_ThrowsObjectDisposed_NamingTheScope()
    {
        Tensor kept;
        using (LibTorch.NewScope()) kept = Tensor.Ones(2);
        Assert.True(kept.IsDisposed);
        var e = Assert.Throws<ObjectDisposedException>(() => kept.Sum());
        Assert.Contains("MoveToOuter", e.Message);
    }

    [Fact]
    public void IndexOutOfRange_IsATorchException()
    {
        using var scope = LibTorch.NewScope();
        var e = Assert.Throws<TorchException>(() => Tensor.Ones(3)[5]);
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void BadThreadCount_IsRefused()
    {
        var e = Assert.Throws<TorchException>(() => LibTorch.Threads = 0);
        Assert.Contains("thread count must be positive", e.Message);
    }
}
