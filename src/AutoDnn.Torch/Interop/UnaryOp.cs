namespace AutoDnn.Torch.Interop;

/// <summary>Elementwise one-input op codes; mirrors <c>UnaryOp</c> in Native/adt_ops.cpp.</summary>
internal enum UnaryOp
{
    Neg, Abs, Exp, Log, Log1p, Expm1, Sqrt, Rsqrt, Sin, Cos, Tanh, Sigmoid, Relu, Floor, Ceil, Round, Sign,
    Reciprocal, Square, IsNan, IsInf, IsFinite, LogicalNot, Erf, Silu, Gelu,
}
