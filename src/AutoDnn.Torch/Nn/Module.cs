using AutoDnn.Torch.Serialization;

namespace AutoDnn.Torch.Nn;

/// <summary>
/// Base of every layer and model, like <c>torch.nn.Module</c>: named parameters, buffers and child modules,
/// train/eval mode, device moves and a state dictionary. Parameters and buffers live outside every
/// <see cref="DisposeScope"/>; dispose the module to free them.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly OrderedDictionary<string, Tensor?> parameters = new();
    private readonly OrderedDictionary<string, Tensor?> buffers = new();
    private readonly OrderedDictionary<string, Module> children = new();
    private bool disposed;

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>The type name, used in error messages.</summary>
    public virtual string TypeName => GetType().Name;

    /// <summary>Registers a trainable tensor under <paramref name="name"/> (null keeps the slot empty, like <c>bias=None</c>).</summary>
    protected Tensor? RegisterParameter(string name, Tensor? tensor)
    {
        CheckNewName(name);
        if (tensor is not null)
        {
            tensor.DetachFromScope();
            if (!tensor.IsLeaf) throw new ArgumentException($"{TypeName}: parameter '{name}' must be a leaf tensor (create it, or Detach() it, before registering)", nameof(tensor));
            tensor.RequiresGrad = true;
        }
        parameters.Add(name, tensor);
        return tensor;
    }

    /// <summary>Registers a non-trainable tensor (running statistics and the like) that is saved in the state dictionary.</summary>
    protected Tensor RegisterBuffer(string name, Tensor tensor)
    {
        CheckNewName(name);
        buffers.Add(name, tensor.DetachFromScope());
        return tensor;
    }

    /// <summary>Registers a child module; its parameters appear as <c>name.param</c>.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckNewName(name);
        children.Add(name, module);
        return module;
    }

    /// <summary>This module's own parameter <paramref name="name"/> (not a child's).</summary>
    protected Tensor Parameter(string name) =>
        parameters.TryGetValue(name, out Tensor? t) && t is not null ? t : throw new KeyNotFoundException($"{TypeName} has no parameter '{name}'");

    /// <summary>This module's own parameter <paramref name="name"/>, or null when registered empty.</summary>
    protected Tensor? OptionalParameter(string name) =>
        parameters.TryGetValue(name, out Tensor? t) ? t : throw new KeyNotFoundException($"{TypeName} has no parameter '{name}'");

    /// <summary>This module's own buffer <paramref name="name"/>.</summary>
    protected Tensor Buffer(string name) =>
        buffers.TryGetValue(name, out Tensor? t) && t is not null ? t : throw new KeyNotFoundException($"{TypeName} has no buffer '{name}'");

    /// <summary>Parameters of this module and (by default) its descendants, with dotted names, in registration order.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters(bool recurse = true) => Walk(m => m.parameters, recurse);

    /// <summary>The tensors of <see cref="NamedParameters"/>, ready for an optimizer.</summary>
    public IReadOnlyList<Tensor> Parameters(bool recurse = true) => NamedParameters(recurse).Select(p => p.Parameter).ToList();

    /// <summary>Buffers of this module and (by default) its descendants, with dotted names.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(bool recurse = true) => Walk(m => m.buffers, recurse);

    /// <summary>Direct children in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => children.Select(c => (c.Key, c.Value));

    /// <summary>This module (name "") and every descendant, depth first, with dotted names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
        yield return ("", this);
        foreach (var (name, child) in children)
            foreach (var (sub, m) in child.NamedModules())
                yield return (sub.Length == 0 ? name : $"{name}.{sub}", m);
    }

    /// <summary>Number of parameter elements (only trainable ones when <paramref name="trainableOnly"/>).</summary>
    public long ParameterCount(bool trainableOnly = false) =>
        NamedParameters().Where(p => !trainableOnly || p.Parameter.RequiresGrad).Sum(p => p.Parameter.NumEl);

    /// <summary>Sets training mode on this module and every descendant; returns this module.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var (_, m) in NamedModules()) m.IsTraining = mode;
        return this;
    }

    /// <summary>Evaluation mode: dropout off, batch norm uses running statistics.</summary>
    public Module Eval() => Train(false);

    /// <summary>Moves every parameter and buffer to <paramref name="device"/> (create optimizers afterwards).</summary>
    public Module To(Device device)
    {
        device.EnsureAvailable();
        Convert(t => t.Device == device ? null : t.To(device));
        return this;
    }

    /// <summary>Converts floating-point parameters and buffers to <paramref name="dtype"/>.</summary>
    public Module To(DType dtype)
    {
        Convert(t => t.DType == dtype || !IsFloating(t.DType) ? null : t.To(dtype));
        return this;
    }

    /// <summary>Drops every parameter's gradient (or zeroes it in place when <paramref name="setToNone"/> is false).</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var (_, p) in NamedParameters())
        {
            if (setToNone) { p.ClearGrad(); continue; }
            using var scope = LibTorch.NewScope();
            p.Grad?.FillInPlace(0);
        }
    }

    /// <summary>
    /// Parameters and buffers by dotted name, in PyTorch's order (each module's parameters, then its buffers,
    /// then its children). The values are detached views sharing the module's storage.
    /// </summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var state = new OrderedDictionary<string, Tensor>();
        Collect(this, "", state);
        return state;
    }

    /// <summary>
    /// Copies values into this module's parameters and buffers. With <paramref name="strict"/>, missing and
    /// unexpected names are an error that lists them all; a shape mismatch is always an error naming the entry.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        var own = new Dictionary<string, Tensor>();
        foreach (var (name, m) in NamedModules())
        {
            string prefix = name.Length == 0 ? "" : name + ".";
            foreach (var (k, t) in m.parameters) if (t is not null) own[prefix + k] = t;
            foreach (var (k, t) in m.buffers) if (t is not null) own[prefix + k] = t;
        }
        if (strict)
        {
            var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            if (missing.Count + unexpected.Count > 0)
                throw new ArgumentException($"state dict does not fit {TypeName}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]", nameof(state));
        }
        using var noGrad = LibTorch.NoGrad();
        using var scope = LibTorch.NewScope();
        foreach (var (name, target) in own)
        {
            if (!state.TryGetValue(name, out Tensor? source)) continue;
            if (!source.Shape.SequenceEqual(target.Shape))
                throw new ArgumentException($"state dict entry '{name}' has shape [{string.Join(", ", source.Shape)}] but {TypeName} expects [{string.Join(", ", target.Shape)}]", nameof(state));
            target.CopyInPlace(source.To(target.DType, target.Device));
        }
    }

    /// <summary>Writes <see cref="StateDict"/> to a file that Python's <c>torch.load</c> reads.</summary>
    public void Save(string path) => WeightsFile.Save(path, StateDict());

    /// <summary>Loads a state dictionary file (ours, or one saved by Python's <c>torch.save(model.state_dict())</c>).</summary>
    public void Load(string path, bool strict = true)
    {
        using var scope = LibTorch.NewScope();
        LoadStateDict(WeightsFile.Load(path), strict);
    }

    /// <summary>Frees every parameter and buffer of this module and its descendants.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var t in parameters.Values) t?.Dispose();
        foreach (var t in buffers.Values) t?.Dispose();
        foreach (var c in children.Values) c.Dispose();
        GC.SuppressFinalize(this);
    }

    private static bool IsFloating(DType t) => t is DType.Float16 or DType.Float32 or DType.Float64 or DType.BFloat16;

    private static void Collect(Module m, string prefix, OrderedDictionary<string, Tensor> state)
    {
        foreach (var (k, t) in m.parameters) if (t is not null) state.Add(prefix + k, t.Detach());
        foreach (var (k, t) in m.buffers) if (t is not null) state.Add(prefix + k, t.Detach());
        foreach (var (k, c) in m.children) Collect(c, prefix + k + ".", state);
    }

    private IEnumerable<(string, Tensor)> Walk(Func<Module, OrderedDictionary<string, Tensor?>> pick, bool recurse)
    {
        foreach (var (name, m) in recurse ? NamedModules() : [("", this)])
            foreach (var (k, t) in pick(m))
                if (t is not null) yield return (name.Length == 0 ? k : $"{name}.{k}", t);
    }

    private void Convert(Func<Tensor, Tensor?> convert)
    {
        using var noGrad = LibTorch.NoGrad();
        foreach (var (_, m) in NamedModules())
        {
            Replace(m.parameters, convert, parameter: true);
            Replace(m.buffers, convert, parameter: false);
        }
    }

    private static void Replace(OrderedDictionary<string, Tensor?> slots, Func<Tensor, Tensor?> convert, bool parameter)
    {
        foreach (string key in slots.Keys.ToList())
        {
            Tensor? old = slots[key];
            if (old is null) continue;
            Tensor? moved = convert(old);
            if (moved is null) continue;
            moved.DetachFromScope();
            if (parameter) moved.RequiresGrad = old.RequiresGrad;
            slots[key] = moved;
            old.Dispose();
        }
    }

    private void CheckNewName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"{TypeName}: '{name}' is not a valid name (non-empty, no dots)", nameof(name));
        if (parameters.ContainsKey(name) || buffers.ContainsKey(name) || children.ContainsKey(name))
            throw new ArgumentException($"{TypeName}: the name '{name}' is already registered", nameof(name));
    }
}
