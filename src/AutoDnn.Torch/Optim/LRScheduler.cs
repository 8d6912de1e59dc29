namespace AutoDnn.Torch.Optim;

/// <summary>
/// Base of the epoch-indexed learning-rate schedules, like <c>torch.optim.lr_scheduler.LRScheduler</c>: on creation the
/// optimizer gets the rate of epoch 0; each <see cref="Step"/> advances one epoch (or batch) and sets the next rate.
/// </summary>
public abstract class LRScheduler
{
    private protected LRScheduler(Optimizer optimizer)
    {
        Optimizer = optimizer;
        BaseLR = optimizer.LR;
    }

    public Optimizer Optimizer { get; }

    /// <summary>The optimizer's learning rate when the schedule was created.</summary>
    public double BaseLR { get; }

    /// <summary>Steps taken so far (0 right after creation).</summary>
    public int LastEpoch { get; private set; } = -1;

    /// <summary>The learning rate now in effect.</summary>
    public double LR => Optimizer.LR;

    /// <summary>Advances one epoch and sets the optimizer's learning rate.</summary>
    public void Step()
    {
        LastEpoch++;
        Optimizer.LR = Compute(LastEpoch, Optimizer.LR);
    }

    /// <summary>Subclasses call this at the end of their constructor: it applies epoch 0.</summary>
    private protected void Start() => Step();

    /// <summary>The rate for <paramref name="epoch"/>, given the current one (PyTorch's chainable form where it has one).</summary>
    private protected abstract double Compute(int epoch, double current);
}
