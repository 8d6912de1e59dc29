using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>A dispose scope for a transform's intermediates that lets only the result out to the caller's scope.</summary>
internal sealed class ScopedResult : IDisposable
{
    private readonly DisposeScope scope = LibTorch.NewScope();

    public Tensor Keep(Tensor result) => result.MoveToOuter();

    public void Dispose() => scope.Dispose();
}
