namespace AutoDnn.Torch.Tests;

/// <summary>Scopes free what they own, nest, and let results escape with MoveToOuter.</summary>
public class DisposeScopeTests
{
    [Fact]
    public void Dispose_FreesEveryTensorCreatedInside()
    {
        Tensor a, b;
        using (var scope = LibTorch.NewScope())
        {
            a = Tensor.Ones(3);
            b = a * 2;
            Assert.Equal(2, scope.Count);
        }
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
    }

    [Fact]
    public void MoveToOuter_HandsTheTensorToTheEnclosingScope()
    {
        Tensor kept;
        using (var outer = LibTorch.NewScope())
        {
            using (LibTorch.NewScope())
            {
                Tensor temp = Tensor.Ones(3);
                kept = (temp + 1).MoveToOuter();
                Assert.Same(outer, DisposeScope.Current!.Outer);
            }
            Assert.False(kept.IsDisposed);
            Assert.Equal(new float[] { 2, 2, 2 }, kept.ToArray<float>());
            Assert.Same(outer, DisposeScope.Current);
        }
        Assert.True(kept.IsDisposed);
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void MoveToOuter_OfTheOutermostScope_LeavesTheTensorToTheCaller()
    {
        Tensor kept;
        using (LibTorch.NewScope()) kept = Tensor.Ones(2).MoveToOuter();
        Assert.False(kept.IsDisposed);
        kept.Dispose();
        Assert.True(kept.IsDisposed);
        kept.Dispose(); // twice is harmless
    }

    [Fact]
    public void DetachFromScope_SurvivesTheScope()
    {
        Tensor kept;
        using (LibTorch.NewScope()) kept = Tensor.Ones(2).DetachFromScope();
        Assert.False(kept.IsDisposed);
        kept.Dispose();
    }

    [Fact]
    public void OutOfOrderDispose_RestoresAValidCurrentScope()
    {
        var outer = LibTorch.NewScope();
        var inner = LibTorch.NewScope();
        Tensor t = Tensor.Ones(1);
        outer.Dispose();
        Assert.False(t.IsDisposed);
        inner.Dispose();
        Assert.True(t.IsDisposed);
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void Scopes_AreThreadLocal()
    {
        using var scope = LibTorch.NewScope();
        Tensor? other = null;
        var thread = new Thread(() => other = Tensor.Ones(2));
        thread.Start();
        thread.Join();
        Assert.Equal(0, scope.Count);
        Assert.False(other!.IsDisposed);
        other.Dispose();
    }
}
