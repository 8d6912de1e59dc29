// Benchmark floors and diagnostics: the tiny-tensor cases of `autodnn bench ops` called directly on ATen, the
// training loop of cpp_floor.cpp for `autodnn bench step`, and an operator counter; each lets the binding's own cost
// be told apart from libtorch's work.
#include "adt_common.h"

#include <ATen/record_function.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <sstream>
#include <vector>

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

// The loop of ../shared/peers/cpp_floor.cpp (the train-step benchmark's C++ floor), compiled into the shim so that
// `autodnn bench step` can also run it inside the .NET process: the binding's cost is then told apart from the
// process's own (allocator state, runtime threads), which the separate C++ executable does not share.
namespace {

struct FloorCnn : torch::nn::Module {
  torch::nn::Conv2d c1{nullptr}, c2{nullptr};
  torch::nn::Linear f1{nullptr}, f2{nullptr};
  FloorCnn() {
    c1 = register_module("c1", torch::nn::Conv2d(1, 32, 3));
    c2 = register_module("c2", torch::nn::Conv2d(32, 64, 3));
    f1 = register_module("f1", torch::nn::Linear(1600, 128));
    f2 = register_module("f2", torch::nn::Linear(128, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::max_pool2d(torch::relu(c1(x)), 2);
    x = torch::max_pool2d(torch::relu(c2(x)), 2);
    return f2(torch::relu(f1(x.flatten(1))));
  }
};

struct FloorLstm : torch::nn::Module {
  torch::nn::Embedding e{nullptr};
  torch::nn::LSTM l{nullptr};
  torch::nn::Linear o{nullptr};
  FloorLstm() {
    e = register_module("e", torch::nn::Embedding(5000, 64));
    l = register_module("l", torch::nn::LSTM(torch::nn::LSTMOptions(64, 128).batch_first(true)));
    o = register_module("o", torch::nn::Linear(128, 4));
  }
  torch::Tensor forward(torch::Tensor x) { return o(std::get<0>(l(e(x))).select(1, -1)); }
};

// One training step of the floor's protocol: Adam lr 1e-3, cross-entropy, 8 batches of 64 cycled, each cloned as used.
struct FloorLoop {
  virtual ~FloorLoop() = default;
  virtual double step_ms() = 0;
};

template <class M>
struct ModelLoop : FloorLoop {
  M net;
  std::vector<torch::Tensor> xs, ys;
  torch::optim::Adam opt{net.parameters(), torch::optim::AdamOptions(1e-3)};
  int s = 0;
  double step_ms() override {
    auto start = std::chrono::steady_clock::now();
    auto x = xs[s % 8].clone(), y = ys[s % 8].clone();
    ++s;
    auto loss = torch::nn::functional::cross_entropy(net.forward(x), y);
    opt.zero_grad();
    loss.backward();
    opt.step();
    (void)loss.template item<float>();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
};

}  // namespace

extern "C" {

// A new floor loop for model 0 (the CNN) or 1 (the Embedding+LSTM classifier), seeded like cpp_floor.cpp.
ADT_API int adt_bench_floor_new(int model, void** out) {
  ADT_TRY
  torch::manual_seed(0);
  if (model == 0) {
    auto loop = std::make_unique<ModelLoop<FloorCnn>>();
    for (int i = 0; i < 8; ++i) {
      loop->xs.push_back(torch::rand({64, 1, 28, 28}) * 2 - 1);
      loop->ys.push_back(torch::randint(0, 10, {64}));
    }
    *out = loop.release();
  } else if (model == 1) {
    auto loop = std::make_unique<ModelLoop<FloorLstm>>();
    for (int i = 0; i < 8; ++i) {
      loop->xs.push_back(torch::randint(0, 5000, {64, 60}));
      loop->ys.push_back(torch::randint(0, 4, {64}));
    }
    *out = loop.release();
  } else {
    throw std::invalid_argument("unknown step benchmark model " + std::to_string(model));
  }
  ADT_CATCH
}

// Runs one step on the calling thread with the current intra-op threads; its wall time, measured in C++.
ADT_API int adt_bench_floor_step(void* loop, double* ms) {
  ADT_TRY
  *ms = static_cast<FloorLoop*>(loop)->step_ms();
  ADT_CATCH
}

ADT_API void adt_bench_floor_free(void* loop) { delete static_cast<FloorLoop*>(loop); }

}  // extern "C"
// Counts of the operators libtorch dispatches between adt_opcount_start and adt_opcount_stop (all threads, nested calls
// included): lets a test check that a managed training step runs exactly the ops of its C++ twin.
namespace {

std::mutex opcount_mutex;
std::map<std::string, int64_t> opcounts;
at::CallbackHandle opcount_handle = 0;

}  // namespace

extern "C" {

ADT_API int adt_opcount_start() {
  ADT_TRY
  std::lock_guard<std::mutex> lock(opcount_mutex);
  if (opcount_handle != 0) throw std::logic_error("operator counting is already running");
  opcounts.clear();
  opcount_handle = at::addGlobalCallback(
      at::RecordFunctionCallback([](const at::RecordFunction& fn) -> std::unique_ptr<at::ObserverContext> {
        std::lock_guard<std::mutex> lock(opcount_mutex);
        ++opcounts[fn.name()];
        return nullptr;
      }).needsInputs(false));
  ADT_CATCH
}

// Stops counting; *text gets one "name<TAB>count" line per operator, sorted by name (free with adt_string_free).
ADT_API int adt_opcount_stop(char** text) {
  ADT_TRY
  std::lock_guard<std::mutex> lock(opcount_mutex);
  if (opcount_handle == 0) throw std::logic_error("operator counting was not started");
  at::removeCallback(opcount_handle);
  opcount_handle = 0;
  std::ostringstream out;
  for (const auto& [name, count] : opcounts) out << name << '\t' << count << '\n';
  std::string s = out.str();
  *text = static_cast<char*>(std::malloc(s.size() + 1));
  if (!*text) throw std::bad_alloc();
  std::memcpy(*text, s.c_str(), s.size() + 1);
  ADT_CATCH
}

}  // extern "C"
