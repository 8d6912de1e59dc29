// Process-wide runtime of the shim: error protocol, start-up tuning, threads, version, CUDA query,
// seeding, generators and autograd mode.
#include "adt_common.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/core/GradMode.h>
#include <torch/version.h>

#include <cstdlib>
#include <cstring>
#include <malloc.h>

namespace {

thread_local std::string last_error;

char* copy_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

// glibc returns big activation buffers to the OS on every free (3-4x slower training steps):
// keep them mapped. Runs once when the library is loaded.
__attribute__((constructor)) void tune_malloc() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

}  // namespace

void adt::set_error(const char* message) { last_error = message ? message : "(no message)"; }

extern "C" {

// Returns the calling thread's last error as a malloc'd string (free with adt_string_free) and clears it.
ADT_API char* adt_error_take() {
  char* out = copy_string(last_error);
  last_error.clear();
  return out;
}

ADT_API void adt_string_free(char* s) { std::free(s); }

ADT_API int adt_runtime_init(int threads) {
  ADT_TRY
  tune_malloc();
  if (threads > 0) at::set_num_threads(threads);
  // Reproducible CUDA runs (autodnn rerun): cuBLAS needs a fixed workspace before its first handle is made, and cuDNN
  // must neither pick convolution algorithms by timing them nor use non-deterministic ones. No effect on the CPU.
  setenv("CUBLAS_WORKSPACE_CONFIG", ":4096:8", /*overwrite=*/0);
  at::globalContext().setBenchmarkCuDNN(false);
  at::globalContext().setDeterministicCuDNN(true);
  ADT_CATCH
}

ADT_API int adt_runtime_set_threads(int threads) {
  ADT_TRY
  if (threads <= 0) throw std::invalid_argument("thread count must be positive, got " + std::to_string(threads));
  at::set_num_threads(threads);
  ADT_CATCH
}

ADT_API int adt_runtime_get_threads(int* out) {
  ADT_TRY
  *out = at::get_num_threads();
  ADT_CATCH
}

ADT_API int adt_runtime_version(char** out) {
  ADT_TRY
  *out = copy_string(TORCH_VERSION);
  ADT_CATCH
}

ADT_API int adt_cuda_is_available(int* out) {
  ADT_TRY
  *out = at::hasCUDA() && at::detail::getCUDAHooks().getNumGPUs() > 0 ? 1 : 0;
  ADT_CATCH
}

ADT_API int adt_cuda_device_count(int* out) {
  ADT_TRY
  *out = at::hasCUDA() ? static_cast<int>(at::detail::getCUDAHooks().getNumGPUs()) : 0;
  ADT_CATCH
}

ADT_API int adt_random_manual_seed(uint64_t seed) {
  ADT_TRY
  at::manual_seed(seed);
  ADT_CATCH
}

ADT_API int adt_generator_new(uint64_t seed, adt_generator* out) {
  ADT_TRY
  *out = new at::Generator(at::detail::createCPUGenerator(seed));
  ADT_CATCH
}

ADT_API void adt_generator_free(adt_generator g) { delete g; }

ADT_API int adt_generator_set_seed(adt_generator g, uint64_t seed) {
  ADT_TRY
  std::lock_guard<std::mutex> lock(g->mutex());
  g->set_current_seed(seed);
  ADT_CATCH
}

ADT_API int adt_generator_get_seed(adt_generator g, uint64_t* out) {
  ADT_TRY
  *out = g->current_seed();
  ADT_CATCH
}

ADT_API int adt_autograd_set_enabled(int enabled) {
  ADT_TRY
  c10::GradMode::set_enabled(enabled != 0);
  ADT_CATCH
}

ADT_API int adt_autograd_is_enabled(int* out) {
  ADT_TRY
  *out = c10::GradMode::is_enabled() ? 1 : 0;
  ADT_CATCH
}

}  // extern "C"
