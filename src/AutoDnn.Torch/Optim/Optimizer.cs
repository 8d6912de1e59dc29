using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Optim;

/// <summary>
/// Base of the optimizers, like <c>torch.optim.Optimizer</c> with one parameter group. The update of every
/// parameter runs in one native call; hyperparameters (learning rate included) may change between steps.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly OptimizerHandle handle;
    private readonly Tensor[] parameters;
    private double lr;

    private protected unsafe Optimizer(int kind, IEnumerable<Tensor> parameters, double lr)
    {
        this.parameters = parameters.ToArray();
        if (this.parameters.Length == 0) throw new ArgumentException($"{GetType().Name} got an empty parameter list", nameof(parameters));
        LR = lr;
        var raw = new IntPtr[this.parameters.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            if (!this.parameters[i].IsLeaf)
                throw new ArgumentException($"{GetType().Name}: parameter {i} ({this.parameters[i]}) is not a leaf tensor and cannot be optimized", nameof(parameters));
            raw[i] = this.parameters[i].Handle;
        }
        int status;
        IntPtr h;
        fixed (IntPtr* p = raw) status = NativeMethods.adt_optim_new(kind, p, raw.Length, out h);
        GC.KeepAlive(this.parameters);
        NativeMethods.Check(status);
        handle = new OptimizerHandle(h);
    }

    /// <summary>The parameters this optimizer updates, in the order given.</summary>
    public IReadOnlyList<Tensor> Parameters => parameters;

    /// <summary>Learning rate of the next <see cref="Step"/> (schedules set it).</summary>
    public double LR
    {
        get => lr;
        set => lr = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"{GetType().Name}: learning rate must be finite and non-negative");
    }

    /// <summary>The momentum a cyclic schedule varies (SGD and RMSprop momentum, Adam's β₁), or null when there is none.</summary>
    public abstract double? Momentum { get; set; }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public unsafe void Step()
    {
        Span<double> hyper = stackalloc double[8];
        Fill(hyper);
        fixed (double* h = hyper) NativeMethods.Check(NativeMethods.adt_optim_step(handle, h));
    }

    /// <summary>Drops every parameter's gradient (or zeroes it in place when <paramref name="setToNone"/> is false).</summary>
    public void ZeroGrad(bool setToNone = true) => NativeMethods.Check(NativeMethods.adt_optim_zero_grad(handle, setToNone ? 1 : 0));

    /// <summary>Frees the optimizer state (moment estimates, momentum buffers).</summary>
    public void Dispose()
    {
        handle.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes this step's hyperparameters in the order Native/adt_optim.cpp reads them.</summary>
    private protected abstract void Fill(Span<double> hyper);

    private protected static double Flag(bool value) => value ? 1 : 0;

    private protected static double NonNegative(double value, string name, string optimizer) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{optimizer}: {name} must be finite and non-negative");

    private protected static double Beta(double value, string name, string optimizer) =>
        value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{optimizer}: {name} must be in [0, 1)");
}
