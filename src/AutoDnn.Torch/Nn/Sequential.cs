namespace AutoDnn.Torch.Nn;

/// <summary>
/// Runs its modules in order, like <c>torch.nn.Sequential</c>; children are named "0", "1", ….
/// Inside a <see cref="DisposeScope"/>, each intermediate output is freed as soon as the next module has run, as C++ and
/// Python free temporaries (autograd keeps what backward needs by its own reference): the input and the final output
/// are left to their owners, and so is an intermediate that a module took out of the current scope
/// (<see cref="Tensor.MoveToOuter"/>, <see cref="Tensor.DetachFromScope"/>). Set <see cref="FreeIntermediates"/> to
/// false to keep every intermediate until the scope ends (a module that records activations for later use).
/// </summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> layers = new();

    public Sequential(params Module<Tensor, Tensor>[] modules)
    {
        foreach (var m in modules) Append(m);
    }

    /// <summary>Free each intermediate output of the current scope once the next module has run (default true).</summary>
    public bool FreeIntermediates { get; set; } = true;

    /// <summary>Number of modules.</summary>
    public int Count => layers.Count;

    /// <summary>Module number <paramref name="index"/>.</summary>
    public Module<Tensor, Tensor> this[int index] => layers[index];

    /// <summary>Adds a module at the end; returns this sequence.</summary>
    public Sequential Append(Module<Tensor, Tensor> module)
    {
        RegisterModule(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        layers.Add(module);
        return this;
    }

    public override Tensor Forward(Tensor input)
    {
        Tensor x = input;
        foreach (var layer in layers)
        {
            Tensor next = layer.Forward(x);
            // Holding every activation until the step's scope ends makes a CNN step 2-4 % slower than the same step in
            // C++ (memory that C++ reuses while it is still in cache stays taken; docs/BENCHMARKS.md). Only tensors
            // the current scope owns are freed early: one made outside every scope, or moved out of this one, may be
            // kept by a module, as a user expects.
            if (FreeIntermediates && !ReferenceEquals(x, input) && !ReferenceEquals(x, next)
                && x.Scope is { } owner && ReferenceEquals(owner, DisposeScope.Current))
                x.Dispose();
            x = next;
        }
        return x;
    }
}
