// The C++ floor for `autodnn bench ops`: the same tiny-tensor cases as the managed and Python loops,
// called directly on ATen, so the binding's own overhead can be told apart from libtorch's work.
#include "adt_common.h"

#include <chrono>

namespace {

template <class Body>
double time_per_call(int64_t iterations, Body body) {
  auto start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < iterations; ++i) body();
  return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() /
         static_cast<double>(iterations);
}

}  // namespace

extern "C" {

// Cases (keep in step with OpOverheadBenchmark.cs): 0 add, 1 mul_scalar, 2 relu, 3 sum, 4 matmul_4x4,
// 5 view, 6 slice, 7 autograd_step. Each result is heap-wrapped and freed, as the binding does.
ADT_API int adt_bench_op_floor(int op, int64_t iterations, double* ns_per_call) {
  ADT_TRY
  auto a = at::rand({16}), b = at::rand({16}), m = at::rand({4, 4});
  auto w = at::rand({16});
  w.set_requires_grad(true);
  auto keep = [](at::Tensor&& t) { delete new at::Tensor(std::move(t)); };
  switch (op) {
    case 0: *ns_per_call = time_per_call(iterations, [&] { keep(at::add(a, b)); }); break;
    case 1: *ns_per_call = time_per_call(iterations, [&] { keep(at::mul(a, 2.0)); }); break;
    case 2: *ns_per_call = time_per_call(iterations, [&] { keep(at::relu(a)); }); break;
    case 3: *ns_per_call = time_per_call(iterations, [&] { keep(at::sum(a)); }); break;
    case 4: *ns_per_call = time_per_call(iterations, [&] { keep(at::matmul(m, m)); }); break;
    case 5: *ns_per_call = time_per_call(iterations, [&] { keep(a.view({4, 4})); }); break;
    case 6: *ns_per_call = time_per_call(iterations, [&] { keep(a.slice(0, 2, 10)); }); break;
    case 7: *ns_per_call = time_per_call(iterations, [&] { at::sum(at::mul(w, a)).backward(); }); break;
    default: throw std::invalid_argument("unknown benchmark case " + std::to_string(op));
  }
  ADT_CATCH
}

}  // extern "C"
