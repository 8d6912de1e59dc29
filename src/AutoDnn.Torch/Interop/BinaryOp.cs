namespace AutoDnn.Torch.Interop;

/// <summary>Elementwise two-input op codes; mirrors <c>BinaryOp</c> in Native/adt_ops.cpp.</summary>
internal enum BinaryOp
{
    Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge, LogicalAnd, LogicalOr, Fmod, Remainder,
    Atan2, RSub, RDiv, RPow,
}
