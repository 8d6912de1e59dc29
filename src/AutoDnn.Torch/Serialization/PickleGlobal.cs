namespace AutoDnn.Torch.Serialization;

/// <summary>A Python class or function named in a pickle (<c>module.name</c>).</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public override string ToString() => $"{Module}.{Name}";
}
