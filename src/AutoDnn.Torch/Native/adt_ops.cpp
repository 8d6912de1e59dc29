// Math on tensors: elementwise (by op code), reductions, matmul, softmax, clamp and autograd.
// Op codes are mirrored by UnaryOp / BinaryOp / ReduceOp in the managed binding: keep both in step.
#include "adt_common.h"

#include <ATen/ScalarOps.h>

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <vector>

namespace {

enum UnaryOp {
  Neg, Abs, Exp, Log, Log1p, Expm1, Sqrt, Rsqrt, Sin, Cos, Tanh, Sigmoid, Relu, Floor, Ceil, Round, Sign,
  Reciprocal, Square, IsNan, IsInf, IsFinite, LogicalNot, Erf, Silu, Gelu
};

enum BinaryOp {
  Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge, LogicalAnd, LogicalOr, Fmod, Remainder,
  Atan2, RSub, RDiv, RPow
};

enum ReduceOp { Sum, Mean, Prod, Amax, Amin, ArgMax, ArgMin, Std, Var, LogSumExp, All, Any, Norm };

at::Tensor unary(int op, const at::Tensor& a) {
  switch (op) {
    case Neg: return at::neg(a);
    case Abs: return at::abs(a);
    case Exp: return at::exp(a);
    case Log: return at::log(a);
    case Log1p: return at::log1p(a);
    case Expm1: return at::expm1(a);
    case Sqrt: return at::sqrt(a);
    case Rsqrt: return at::rsqrt(a);
    case Sin: return at::sin(a);
    case Cos: return at::cos(a);
    case Tanh: return at::tanh(a);
    case Sigmoid: return at::sigmoid(a);
    case Relu: return at::relu(a);
    case Floor: return at::floor(a);
    case Ceil: return at::ceil(a);
    case Round: return at::round(a);
    case Sign: return at::sign(a);
    case Reciprocal: return at::reciprocal(a);
    case Square: return at::square(a);
    case IsNan: return at::isnan(a);
    case IsInf: return at::isinf(a);
    case IsFinite: return at::isfinite(a);
    case LogicalNot: return at::logical_not(a);
    case Erf: return at::erf(a);
    case Silu: return at::silu(a);
    case Gelu: return at::gelu(a);
    default: throw std::invalid_argument("unknown unary op code " + std::to_string(op));
  }
}

at::Tensor binary(int op, const at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case Add: return at::add(a, b);
    case Sub: return at::sub(a, b);
    case Mul: return at::mul(a, b);
    case Div: return at::div(a, b);
    case Pow: return at::pow(a, b);
    case Maximum: return at::maximum(a, b);
    case Minimum: return at::minimum(a, b);
    case Eq: return at::eq(a, b);
    case Ne: return at::ne(a, b);
    case Lt: return at::lt(a, b);
    case Le: return at::le(a, b);
    case Gt: return at::gt(a, b);
    case Ge: return at::ge(a, b);
    case LogicalAnd: return at::logical_and(a, b);
    case LogicalOr: return at::logical_or(a, b);
    case Fmod: return at::fmod(a, b);
    case Remainder: return at::remainder(a, b);
    case Atan2: return at::atan2(a, b);
    case RSub: return at::sub(b, a);
    case RDiv: return at::mul(at::reciprocal(a), b);  // Python's number / tensor
    case RPow: return at::pow(b, a);
    default: throw std::invalid_argument("unknown binary op code " + std::to_string(op));
  }
}

void binary_inplace(int op, at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case Add: a.add_(b); return;
    case Sub: a.sub_(b); return;
    case Mul: a.mul_(b); return;
    case Div: a.div_(b); return;
    case Pow: a.pow_(b); return;
    case Fmod: a.fmod_(b); return;
    case Remainder: a.remainder_(b); return;
    default: throw std::invalid_argument("binary op code " + std::to_string(op) + " has no in-place form");
  }
}

// A number on the right of an operator behaves as in Python: a 0-dim "wrapped number" that does not
// promote the tensor's dtype beyond its category (float32 * 2.0 stays float32; int64 * 2.5 becomes float).
at::Tensor wrapped(const at::Scalar& s, const at::Tensor& like) {
  return at::native::wrapped_scalar_tensor(s, like.device());  // CPU fast path skips the dispatcher
}

at::Tensor reduce(int op, const at::Tensor& t, at::IntArrayRef dims, bool keepdim, double p) {
  const bool all = dims.empty();
  auto single = [&](const char* name) -> int64_t {
    if (dims.size() != 1) throw std::invalid_argument(std::string(name) + " reduces over exactly one dimension or all of them");
    return dims[0];
  };
  switch (op) {
    case Sum: return all ? at::sum(t) : at::sum(t, dims, keepdim);
    case Mean: return all ? at::mean(t) : at::mean(t, dims, keepdim);
    case Prod: return all ? at::prod(t) : at::prod(t, single("prod"), keepdim);
    case Amax: return at::amax(t, dims, keepdim);
    case Amin: return at::amin(t, dims, keepdim);
    case ArgMax: return all ? at::argmax(t) : at::argmax(t, single("argmax"), keepdim);
    case ArgMin: return all ? at::argmin(t) : at::argmin(t, single("argmin"), keepdim);
    case Std: return at::std(t, all ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(dims), static_cast<int64_t>(p), keepdim);
    case Var: return at::var(t, all ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(dims), static_cast<int64_t>(p), keepdim);
    case LogSumExp: {
      if (!all) return at::logsumexp(t, dims, keepdim);
      std::vector<int64_t> every(t.dim());
      for (int64_t i = 0; i < t.dim(); ++i) every[i] = i;
      return at::logsumexp(t, every, keepdim);
    }
    case All: return all ? at::all(t) : at::all(t, single("all"), keepdim);
    case Any: return all ? at::any(t) : at::any(t, single("any"), keepdim);
    case Norm: return at::linalg_vector_norm(t, p, all ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(dims), keepdim);
    default: throw std::invalid_argument("unknown reduce op code " + std::to_string(op));
  }
}

}  // namespace

extern "C" {

ADT_API int adt_tensor_unary(int op, adt_tensor a, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(unary(op, *a));
  ADT_CATCH
}

ADT_API int adt_tensor_binary(int op, adt_tensor a, adt_tensor b, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(binary(op, *a, *b));
  ADT_CATCH
}

ADT_API int adt_tensor_binary_scalar(int op, adt_tensor a, double value, int64_t ivalue, int is_int, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(binary(op, *a, wrapped(adt::scalar_of(value, ivalue, is_int), *a)));
  ADT_CATCH
}

ADT_API int adt_tensor_binary_(int op, adt_tensor a, adt_tensor b) {
  ADT_TRY
  binary_inplace(op, *a, *b);
  ADT_CATCH
}

ADT_API int adt_tensor_binary_scalar_(int op, adt_tensor a, double value, int64_t ivalue, int is_int) {
  ADT_TRY
  binary_inplace(op, *a, wrapped(adt::scalar_of(value, ivalue, is_int), *a));
  ADT_CATCH
}

// ndim == 0 reduces over every dimension. p is the norm order (Norm) or the correction (Std, Var).
ADT_API int adt_tensor_reduce(int op, adt_tensor t, const int64_t* dims, int ndim, int keepdim, double p,
                              adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(reduce(op, *t, at::IntArrayRef(dims, static_cast<size_t>(ndim)), keepdim != 0, p));
  ADT_CATCH
}

ADT_API int adt_tensor_matmul(adt_tensor a, adt_tensor b, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::matmul(*a, *b));
  ADT_CATCH
}

ADT_API int adt_tensor_softmax(adt_tensor t, int64_t dim, int log, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(log ? at::log_softmax(*t, dim) : at::softmax(*t, dim));
  ADT_CATCH
}

ADT_API int adt_tensor_clamp(adt_tensor t, double min, int has_min, double max, int has_max, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::clamp(*t, has_min ? c10::optional<at::Scalar>(min) : c10::nullopt,
                             has_max ? c10::optional<at::Scalar>(max) : c10::nullopt));
  ADT_CATCH
}

ADT_API int adt_tensor_set_requires_grad(adt_tensor t, int requires_grad) {
  ADT_TRY
  t->set_requires_grad(requires_grad != 0);
  ADT_CATCH
}

ADT_API int adt_tensor_backward(adt_tensor t, adt_tensor gradient, int retain_graph, int create_graph) {
  ADT_TRY
  t->backward(gradient ? *gradient : at::Tensor(), retain_graph ? c10::optional<bool>(true) : c10::nullopt,
              create_graph != 0);
  ADT_CATCH
}

// *out stays null when the tensor has no gradient yet.
ADT_API int adt_tensor_grad(adt_tensor t, adt_tensor* out) {
  ADT_TRY
  const auto& g = t->grad();
  *out = g.defined() ? adt::wrap(g) : nullptr;
  ADT_CATCH
}

ADT_API int adt_tensor_grad_clear(adt_tensor t) {
  ADT_TRY
  t->mutable_grad() = at::Tensor();
  ADT_CATCH
}

ADT_API int adt_tensor_detach(adt_tensor t, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->detach());
  ADT_CATCH
}

ADT_API int adt_tensor_is_leaf(adt_tensor t, int* out) {
  ADT_TRY
  *out = t->is_leaf() ? 1 : 0;
  ADT_CATCH
}

ADT_API int adt_tensor_format(adt_tensor t, char** out) {
  ADT_TRY
  std::ostringstream s;
  s << *t;
  auto text = s.str();
  *out = static_cast<char*>(std::malloc(text.size() + 1));
  std::memcpy(*out, text.c_str(), text.size() + 1);
  ADT_CATCH
}

}  // extern "C"
