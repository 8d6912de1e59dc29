using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Elementwise math, comparisons, matmul and softmax; numbers on either side act as in Python.</summary>
public sealed partial class Tensor
{
    public Tensor Neg() => Unary(UnaryOp.Neg);
    public Tensor Abs() => Unary(UnaryOp.Abs);
    public Tensor Exp() => Unary(UnaryOp.Exp);
    public Tensor Log() => Unary(UnaryOp.Log);
    public Tensor Log1p() => Unary(UnaryOp.Log1p);
    public Tensor Expm1() => Unary(UnaryOp.Expm1);
    public Tensor Sqrt() => Unary(UnaryOp.Sqrt);
    public Tensor Rsqrt() => Unary(UnaryOp.Rsqrt);
    public Tensor Sin() => Unary(UnaryOp.Sin);
    public Tensor Cos() => Unary(UnaryOp.Cos);
    public Tensor Tanh() => Unary(UnaryOp.Tanh);
    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid);
    public Tensor Relu() => Unary(UnaryOp.Relu);
    public Tensor Floor() => Unary(UnaryOp.Floor);
    public Tensor Ceil() => Unary(UnaryOp.Ceil);
    public Tensor Round() => Unary(UnaryOp.Round);
    public Tensor Sign() => Unary(UnaryOp.Sign);
    public Tensor Reciprocal() => Unary(UnaryOp.Reciprocal);
    public Tensor Square() => Unary(UnaryOp.Square);
    public Tensor IsNan() => Unary(UnaryOp.IsNan);
    public Tensor IsInf() => Unary(UnaryOp.IsInf);
    public Tensor IsFinite() => Unary(UnaryOp.IsFinite);
    public Tensor LogicalNot() => Unary(UnaryOp.LogicalNot);
    public Tensor Erf() => Unary(UnaryOp.Erf);
    public Tensor Silu() => Unary(UnaryOp.Silu);
    public Tensor Gelu() => Unary(UnaryOp.Gelu);

    public Tensor Add(Tensor other) => Binary(BinaryOp.Add, other);
    public Tensor Sub(Tensor other) => Binary(BinaryOp.Sub, other);
    public Tensor Mul(Tensor other) => Binary(BinaryOp.Mul, other);
    public Tensor Div(Tensor other) => Binary(BinaryOp.Div, other);
    public Tensor Pow(Tensor exponent) => Binary(BinaryOp.Pow, exponent);
    public Tensor Pow(double exponent) => Binary(BinaryOp.Pow, Interop.Scalar.Of(exponent));
    public Tensor Maximum(Tensor other) => Binary(BinaryOp.Maximum, other);
    public Tensor Minimum(Tensor other) => Binary(BinaryOp.Minimum, other);
    public Tensor Fmod(Tensor other) => Binary(BinaryOp.Fmod, other);
    public Tensor Remainder(Tensor other) => Binary(BinaryOp.Remainder, other);
    public Tensor Atan2(Tensor other) => Binary(BinaryOp.Atan2, other);
    public Tensor LogicalAnd(Tensor other) => Binary(BinaryOp.LogicalAnd, other);
    public Tensor LogicalOr(Tensor other) => Binary(BinaryOp.LogicalOr, other);

    public Tensor Eq(Tensor other) => Binary(BinaryOp.Eq, other);
    public Tensor Ne(Tensor other) => Binary(BinaryOp.Ne, other);
    public Tensor Lt(Tensor other) => Binary(BinaryOp.Lt, other);
    public Tensor Le(Tensor other) => Binary(BinaryOp.Le, other);
    public Tensor Gt(Tensor other) => Binary(BinaryOp.Gt, other);
    public Tensor Ge(Tensor other) => Binary(BinaryOp.Ge, other);
    public Tensor Eq(double other) => Binary(BinaryOp.Eq, Interop.Scalar.Of(other));
    public Tensor Ne(double other) => Binary(BinaryOp.Ne, Interop.Scalar.Of(other));
    public Tensor Lt(double other) => Binary(BinaryOp.Lt, Interop.Scalar.Of(other));
    public Tensor Le(double other) => Binary(BinaryOp.Le, Interop.Scalar.Of(other));
    public Tensor Gt(double other) => Binary(BinaryOp.Gt, Interop.Scalar.Of(other));
    public Tensor Ge(double other) => Binary(BinaryOp.Ge, Interop.Scalar.Of(other));

    /// <summary>Limits values to [min, max]; either bound may be left open.</summary>
    public Tensor Clamp(double? min = null, double? max = null) =>
        Own(NativeMethods.adt_tensor_clamp(Handle, min ?? 0, min.HasValue ? 1 : 0, max ?? 0, max.HasValue ? 1 : 0, out IntPtr r), r);

    /// <summary>Matrix product with broadcasting, like <c>torch.matmul</c>.</summary>
    public Tensor MatMul(Tensor other) => Own(NativeMethods.adt_tensor_matmul(Handle, other.Handle, out IntPtr r), r, other);

    public Tensor Softmax(long dim) => Own(NativeMethods.adt_tensor_softmax(Handle, dim, 0, out IntPtr r), r);

    public Tensor LogSoftmax(long dim) => Own(NativeMethods.adt_tensor_softmax(Handle, dim, 1, out IntPtr r), r);

    /// <summary>Picks from <paramref name="a"/> where <paramref name="condition"/> holds, else from <paramref name="b"/>.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b) =>
        condition.Own(NativeMethods.adt_tensor_where(condition.Handle, a.Handle, b.Handle, out IntPtr r), r, a, b);

    /// <summary>In place: this += other (PyTorch's <c>add_</c>). Returns this tensor.</summary>
    public Tensor AddInPlace(Tensor other) => InPlace(BinaryOp.Add, other);
    public Tensor SubInPlace(Tensor other) => InPlace(BinaryOp.Sub, other);
    public Tensor MulInPlace(Tensor other) => InPlace(BinaryOp.Mul, other);
    public Tensor DivInPlace(Tensor other) => InPlace(BinaryOp.Div, other);
    public Tensor AddInPlace(double other) => InPlace(BinaryOp.Add, Interop.Scalar.Of(other));
    public Tensor SubInPlace(double other) => InPlace(BinaryOp.Sub, Interop.Scalar.Of(other));
    public Tensor MulInPlace(double other) => InPlace(BinaryOp.Mul, Interop.Scalar.Of(other));
    public Tensor DivInPlace(double other) => InPlace(BinaryOp.Div, Interop.Scalar.Of(other));

    /// <summary>In place: sets every element to <paramref name="value"/>. Returns this tensor.</summary>
    public Tensor FillInPlace(double value)
    {
        Scalar v = ElementTypes.IsFloatingPoint(DType) ? Interop.Scalar.Of(value) : Interop.Scalar.Of((long)value);
        Done(NativeMethods.adt_tensor_fill_(Handle, v.Value, v.IntValue, v.IsInt));
        return this;
    }

    /// <summary>In place: copies <paramref name="source"/> (broadcast) into this tensor. Returns this tensor.</summary>
    public Tensor CopyInPlace(Tensor source)
    {
        Done(NativeMethods.adt_tensor_copy_(Handle, source.Handle), source);
        return this;
    }

    public static Tensor operator -(Tensor a) => a.Neg();
    public static Tensor operator +(Tensor a, Tensor b) => a.Binary(BinaryOp.Add, b);
    public static Tensor operator -(Tensor a, Tensor b) => a.Binary(BinaryOp.Sub, b);
    public static Tensor operator *(Tensor a, Tensor b) => a.Binary(BinaryOp.Mul, b);
    public static Tensor operator /(Tensor a, Tensor b) => a.Binary(BinaryOp.Div, b);
    public static Tensor operator %(Tensor a, Tensor b) => a.Binary(BinaryOp.Remainder, b);
    public static Tensor operator +(Tensor a, double b) => a.Binary(BinaryOp.Add, Interop.Scalar.Of(b));
    public static Tensor operator -(Tensor a, double b) => a.Binary(BinaryOp.Sub, Interop.Scalar.Of(b));
    public static Tensor operator *(Tensor a, double b) => a.Binary(BinaryOp.Mul, Interop.Scalar.Of(b));
    public static Tensor operator /(Tensor a, double b) => a.Binary(BinaryOp.Div, Interop.Scalar.Of(b));
    public static Tensor operator +(Tensor a, long b) => a.Binary(BinaryOp.Add, Interop.Scalar.Of(b));
    public static Tensor operator -(Tensor a, long b) => a.Binary(BinaryOp.Sub, Interop.Scalar.Of(b));
    public static Tensor operator *(Tensor a, long b) => a.Binary(BinaryOp.Mul, Interop.Scalar.Of(b));
    public static Tensor operator /(Tensor a, long b) => a.Binary(BinaryOp.Div, Interop.Scalar.Of(b));
    public static Tensor operator %(Tensor a, long b) => a.Binary(BinaryOp.Remainder, Interop.Scalar.Of(b));
    public static Tensor operator +(double a, Tensor b) => b.Binary(BinaryOp.Add, Interop.Scalar.Of(a));
    public static Tensor operator -(double a, Tensor b) => b.Binary(BinaryOp.RSub, Interop.Scalar.Of(a));
    public static Tensor operator *(double a, Tensor b) => b.Binary(BinaryOp.Mul, Interop.Scalar.Of(a));
    public static Tensor operator /(double a, Tensor b) => b.Binary(BinaryOp.RDiv, Interop.Scalar.Of(a));
    public static Tensor operator +(long a, Tensor b) => b.Binary(BinaryOp.Add, Interop.Scalar.Of(a));
    public static Tensor operator -(long a, Tensor b) => b.Binary(BinaryOp.RSub, Interop.Scalar.Of(a));
    public static Tensor operator *(long a, Tensor b) => b.Binary(BinaryOp.Mul, Interop.Scalar.Of(a));
    public static Tensor operator /(long a, Tensor b) => b.Binary(BinaryOp.RDiv, Interop.Scalar.Of(a));
    public static Tensor operator <(Tensor a, Tensor b) => a.Lt(b);
    public static Tensor operator >(Tensor a, Tensor b) => a.Gt(b);
    public static Tensor operator <=(Tensor a, Tensor b) => a.Le(b);
    public static Tensor operator >=(Tensor a, Tensor b) => a.Ge(b);
    public static Tensor operator <(Tensor a, double b) => a.Lt(b);
    public static Tensor operator >(Tensor a, double b) => a.Gt(b);
    public static Tensor operator <=(Tensor a, double b) => a.Le(b);
    public static Tensor operator >=(Tensor a, double b) => a.Ge(b);
    public static Tensor operator &(Tensor a, Tensor b) => a.LogicalAnd(b);
    public static Tensor operator |(Tensor a, Tensor b) => a.LogicalOr(b);
    public static Tensor operator !(Tensor a) => a.LogicalNot();

    /// <summary>Number raised to a tensor power, like Python's <c>2 ** t</c>.</summary>
    public static Tensor Pow(double @base, Tensor exponent) => exponent.Binary(BinaryOp.RPow, Interop.Scalar.Of(@base));

    private Tensor Unary(UnaryOp op) => Own(NativeMethods.adt_tensor_unary((int)op, Handle, out IntPtr r), r);

    private Tensor Binary(BinaryOp op, Tensor other) =>
        Own(NativeMethods.adt_tensor_binary((int)op, Handle, other.Handle, out IntPtr r), r, other);

    private Tensor Binary(BinaryOp op, Scalar s) =>
        Own(NativeMethods.adt_tensor_binary_scalar((int)op, Handle, s.Value, s.IntValue, s.IsInt, out IntPtr r), r);

    private Tensor InPlace(BinaryOp op, Tensor other)
    {
        Done(NativeMethods.adt_tensor_binary_((int)op, Handle, other.Handle), other);
        return this;
    }

    private Tensor InPlace(BinaryOp op, Scalar s)
    {
        Done(NativeMethods.adt_tensor_binary_scalar_((int)op, Handle, s.Value, s.IntValue, s.IsInt));
        return this;
    }
}
