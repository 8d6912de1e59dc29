namespace AutoDnn.Torch.Interop;

/// <summary>Reduction op codes; mirrors <c>ReduceOp</c> in Native/adt_ops.cpp.</summary>
internal enum ReduceOp
{
    Sum, Mean, Prod, Amax, Amin, ArgMax, ArgMin, Std, Var, LogSumExp, All, Any, Norm,
}
