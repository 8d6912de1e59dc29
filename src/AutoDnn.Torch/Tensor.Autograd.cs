using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Autograd: requires-grad flag, backward, gradients and detaching.</summary>
public sealed partial class Tensor
{
    /// <summary>Whether autograd records operations on this tensor (settable on leaves).</summary>
    public bool RequiresGrad
    {
        get
        {
            LoadInfo(out bool rg);
            return rg;
        }
        set => Done(NativeMethods.adt_tensor_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor (PyTorch's <c>requires_grad_()</c>).</summary>
    public Tensor WithRequiresGrad(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
    public bool IsLeaf
    {
        get
        {
            Done(NativeMethods.adt_tensor_is_leaf(Handle, out int leaf));
            return leaf != 0;
        }
    }

    /// <summary>Accumulated gradient, or null before any backward pass reached this tensor.</summary>
    public Tensor? Grad
    {
        get
        {
            Done(NativeMethods.adt_tensor_grad(Handle, out IntPtr r));
            return r == IntPtr.Zero ? null : new Tensor(r);
        }
    }

    /// <summary>Computes gradients of this tensor (a scalar, or pass <paramref name="gradient"/>) into every leaf.</summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false)
    {
        Done(NativeMethods.adt_tensor_backward(Handle, gradient?.Handle ?? IntPtr.Zero, retainGraph ? 1 : 0, createGraph ? 1 : 0), gradient);
    }

    /// <summary>Drops the accumulated gradient (PyTorch's <c>grad = None</c>).</summary>
    public void ClearGrad() => Done(NativeMethods.adt_tensor_grad_clear(Handle));

    /// <summary>The same data, cut out of the autograd graph.</summary>
    public Tensor Detach() => Own(NativeMethods.adt_tensor_detach(Handle, out IntPtr r), r);
}
