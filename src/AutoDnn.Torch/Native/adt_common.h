// Shared plumbing of the AutoDnn native shim: the error protocol and handle conversions.
// Every export is `extern "C" ADT_API int adt_<object>_<verb>(...)` wrapped in ADT_TRY / ADT_CATCH:
// it returns 0 on success, 1 on failure with the message kept in a thread-local string that the
// managed side takes with adt_error_take().
#pragma once

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>
#include <cstdint>
#include <string>

#define ADT_API __attribute__((visibility("default")))

typedef at::Tensor* adt_tensor;
typedef at::Generator* adt_generator;

namespace adt {

void set_error(const char* message);

inline adt_tensor wrap(at::Tensor&& t) { return new at::Tensor(std::move(t)); }
inline adt_tensor wrap(const at::Tensor& t) { return new at::Tensor(t); }

inline at::Device device_of(int type, int index) {
  return at::Device(static_cast<c10::DeviceType>(type), static_cast<c10::DeviceIndex>(index));
}

inline at::TensorOptions options_of(int dtype, int device_type, int device_index) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(device_of(device_type, device_index));
}

// A scalar travels as (double, int64, is_int) so integer tensors keep integer arithmetic.
inline at::Scalar scalar_of(double value, int64_t ivalue, int is_int) {
  return is_int ? at::Scalar(ivalue) : at::Scalar(value);
}

inline c10::optional<at::Generator> generator_of(adt_generator g) {
  return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}

}  // namespace adt

#define ADT_TRY try {
#define ADT_CATCH                                            \
  }                                                          \
  catch (const c10::Error& e) {                              \
    adt::set_error(e.what_without_backtrace());              \
    return 1;                                                \
  }                                                          \
  catch (const std::exception& e) {                          \
    adt::set_error(e.what());                                \
    return 1;                                                \
  }                                                          \
  catch (...) {                                              \
    adt::set_error("unknown C++ exception in libtorch shim"); \
    return 1;                                                \
  }                                                          \
  return 0;
