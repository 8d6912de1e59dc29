// Functional neural-network kernels (PyTorch's torch.nn.functional): convolution, pooling, linear, losses.
#include "adt_common.h"

namespace {

at::IntArrayRef pair_of(const int64_t* values) { return at::IntArrayRef(values, 2); }

at::Tensor optional_tensor(adt_tensor t) { return t ? *t : at::Tensor(); }

}  // namespace

extern "C" {

// stride, padding and dilation each point at two values (height, width).
ADT_API int adt_nn_conv2d(adt_tensor input, adt_tensor weight, adt_tensor bias, const int64_t* stride,
                          const int64_t* padding, const int64_t* dilation, int64_t groups, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::conv2d(*input, *weight, optional_tensor(bias), pair_of(stride), pair_of(padding),
                              pair_of(dilation), groups));
  ADT_CATCH
}

ADT_API int adt_nn_max_pool2d(adt_tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                              const int64_t* dilation, int ceil_mode, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::max_pool2d(*input, pair_of(kernel), pair_of(stride), pair_of(padding), pair_of(dilation),
                                  ceil_mode != 0));
  ADT_CATCH
}

ADT_API int adt_nn_linear(adt_tensor input, adt_tensor weight, adt_tensor bias, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::linear(*input, *weight, optional_tensor(bias)));
  ADT_CATCH
}

// reduction: 0 none, 1 mean, 2 sum (at::Reduction).
ADT_API int adt_nn_cross_entropy(adt_tensor input, adt_tensor target, adt_tensor weight, int64_t reduction,
                                 int64_t ignore_index, double label_smoothing, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::cross_entropy_loss(*input, *target, optional_tensor(weight), reduction, ignore_index,
                                          label_smoothing));
  ADT_CATCH
}

}  // extern "C"
