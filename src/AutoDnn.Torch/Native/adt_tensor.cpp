// Tensor lifetime, data exchange with managed memory, factories and views (shape, indexing, joining).
#include "adt_common.h"

#include <cstring>
#include <vector>

namespace {

at::IntArrayRef dims_of(const int64_t* dims, int ndim) { return at::IntArrayRef(dims, static_cast<size_t>(ndim)); }

std::vector<at::Tensor> list_of(const adt_tensor* tensors, int count) {
  std::vector<at::Tensor> list;
  list.reserve(count);
  for (int i = 0; i < count; ++i) list.push_back(*tensors[i]);
  return list;
}

// Random numbers drawn with an explicit generator come from the CPU generator and are then moved,
// so a seeded generator gives the same values on every device.
at::Tensor on_device(at::Tensor t, const at::TensorOptions& wanted) {
  return t.device() == wanted.device() ? t : t.to(wanted.device());
}

}  // namespace

extern "C" {

ADT_API void adt_tensor_free(adt_tensor t) { delete t; }

ADT_API int adt_tensor_from_data(const void* data, const int64_t* shape, int ndim, int dtype, int device_type,
                                 int device_index, adt_tensor* out) {
  ADT_TRY
  auto cpu = at::from_blob(const_cast<void*>(data), dims_of(shape, ndim),
                           at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
  *out = adt::wrap(cpu.to(adt::device_of(device_type, device_index), cpu.scalar_type(), false, true));
  ADT_CATCH
}

ADT_API int adt_tensor_copy_to(adt_tensor t, void* destination, int64_t nbytes) {
  ADT_TRY
  auto cpu = t->detach().to(at::kCPU).contiguous();
  int64_t have = cpu.numel() * static_cast<int64_t>(cpu.element_size());
  if (have != nbytes) throw std::invalid_argument("destination holds " + std::to_string(nbytes) + " bytes, tensor has " + std::to_string(have));
  if (have > 0) std::memcpy(destination, cpu.data_ptr(), static_cast<size_t>(have));
  ADT_CATCH
}

ADT_API int adt_tensor_item(adt_tensor t, double* value, int64_t* ivalue) {
  ADT_TRY
  auto s = t->item();
  if (s.isIntegral(false) || s.isBoolean()) {
    *ivalue = s.toLong();
    *value = static_cast<double>(*ivalue);
  } else {
    *value = s.toDouble();
    *ivalue = static_cast<int64_t>(*value);
  }
  ADT_CATCH
}

// ndim in, shape out: writes at most `capacity` sizes into `shape` and the true rank into `ndim`.
ADT_API int adt_tensor_shape(adt_tensor t, int64_t* shape, int capacity, int* ndim) {
  ADT_TRY
  auto sizes = t->sizes();
  *ndim = static_cast<int>(sizes.size());
  for (int i = 0; i < *ndim && i < capacity; ++i) shape[i] = sizes[i];
  ADT_CATCH
}

ADT_API int adt_tensor_info(adt_tensor t, int* dtype, int* device_type, int* device_index, int* requires_grad) {
  ADT_TRY
  *dtype = static_cast<int>(t->scalar_type());
  *device_type = static_cast<int>(t->device().type());
  *device_index = t->device().has_index() ? t->device().index() : 0;
  *requires_grad = t->requires_grad() ? 1 : 0;
  ADT_CATCH
}

ADT_API int adt_tensor_full(const int64_t* shape, int ndim, double value, int64_t ivalue, int is_int, int dtype,
                            int device_type, int device_index, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::full(dims_of(shape, ndim), adt::scalar_of(value, ivalue, is_int),
                            adt::options_of(dtype, device_type, device_index)));
  ADT_CATCH
}

ADT_API int adt_tensor_arange(double start, double end, double step, int dtype, int device_type, int device_index,
                              adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::arange(start, end, step, adt::options_of(dtype, device_type, device_index)));
  ADT_CATCH
}

ADT_API int adt_tensor_linspace(double start, double end, int64_t steps, int dtype, int device_type,
                                int device_index, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::linspace(start, end, steps, adt::options_of(dtype, device_type, device_index)));
  ADT_CATCH
}

ADT_API int adt_tensor_eye(int64_t n, int64_t m, int dtype, int device_type, int device_index, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::eye(n, m, adt::options_of(dtype, device_type, device_index)));
  ADT_CATCH
}

// kind: 0 uniform [0,1), 1 standard normal.
ADT_API int adt_tensor_rand(int kind, const int64_t* shape, int ndim, adt_generator g, int dtype, int device_type,
                            int device_index, adt_tensor* out) {
  ADT_TRY
  auto wanted = adt::options_of(dtype, device_type, device_index);
  auto made = g ? wanted.device(at::kCPU) : wanted;
  auto t = kind == 0 ? at::rand(dims_of(shape, ndim), adt::generator_of(g), made)
                     : at::randn(dims_of(shape, ndim), adt::generator_of(g), made);
  *out = adt::wrap(on_device(std::move(t), wanted));
  ADT_CATCH
}

ADT_API int adt_tensor_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, adt_generator g,
                               int dtype, int device_type, int device_index, adt_tensor* out) {
  ADT_TRY
  auto wanted = adt::options_of(dtype, device_type, device_index);
  auto made = g ? wanted.device(at::kCPU) : wanted;
  *out = adt::wrap(on_device(at::randint(low, high, dims_of(shape, ndim), adt::generator_of(g), made), wanted));
  ADT_CATCH
}

ADT_API int adt_tensor_randperm(int64_t n, adt_generator g, int device_type, int device_index, adt_tensor* out) {
  ADT_TRY
  auto wanted = adt::options_of(static_cast<int>(at::kLong), device_type, device_index);
  auto made = g ? wanted.device(at::kCPU) : wanted;
  *out = adt::wrap(on_device(at::randperm(n, adt::generator_of(g), made), wanted));
  ADT_CATCH
}

ADT_API int adt_tensor_view(adt_tensor t, const int64_t* shape, int ndim, int reshape, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(reshape ? t->reshape(dims_of(shape, ndim)) : t->view(dims_of(shape, ndim)));
  ADT_CATCH
}

ADT_API int adt_tensor_permute(adt_tensor t, const int64_t* dims, int ndim, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->permute(dims_of(dims, ndim)));
  ADT_CATCH
}

ADT_API int adt_tensor_expand(adt_tensor t, const int64_t* shape, int ndim, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->expand(dims_of(shape, ndim)));
  ADT_CATCH
}

ADT_API int adt_tensor_transpose(adt_tensor t, int64_t dim0, int64_t dim1, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->transpose(dim0, dim1));
  ADT_CATCH
}

// has_dim == 0 squeezes every size-1 dimension.
ADT_API int adt_tensor_squeeze(adt_tensor t, int64_t dim, int has_dim, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(has_dim ? t->squeeze(dim) : t->squeeze());
  ADT_CATCH
}

ADT_API int adt_tensor_unsqueeze(adt_tensor t, int64_t dim, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->unsqueeze(dim));
  ADT_CATCH
}

ADT_API int adt_tensor_flatten(adt_tensor t, int64_t start_dim, int64_t end_dim, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->flatten(start_dim, end_dim));
  ADT_CATCH
}

ADT_API int adt_tensor_contiguous(adt_tensor t, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->contiguous());
  ADT_CATCH
}

ADT_API int adt_tensor_clone(adt_tensor t, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->clone());
  ADT_CATCH
}

ADT_API int adt_tensor_to(adt_tensor t, int dtype, int device_type, int device_index, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->to(adt::device_of(device_type, device_index), static_cast<at::ScalarType>(dtype)));
  ADT_CATCH
}

// Python's t[start:end:step] on one dimension; has_start/has_end == 0 mean "open".
ADT_API int adt_tensor_slice(adt_tensor t, int64_t dim, int64_t start, int has_start, int64_t end, int has_end,
                             int64_t step, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->slice(dim, has_start ? c10::optional<int64_t>(start) : c10::nullopt,
                            has_end ? c10::optional<int64_t>(end) : c10::nullopt, step));
  ADT_CATCH
}

ADT_API int adt_tensor_select(adt_tensor t, int64_t dim, int64_t index, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->select(dim, index));
  ADT_CATCH
}

ADT_API int adt_tensor_index_select(adt_tensor t, int64_t dim, adt_tensor index, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->index_select(dim, *index));
  ADT_CATCH
}

ADT_API int adt_tensor_gather(adt_tensor t, int64_t dim, adt_tensor index, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->gather(dim, *index));
  ADT_CATCH
}

ADT_API int adt_tensor_masked_fill(adt_tensor t, adt_tensor mask, double value, int64_t ivalue, int is_int,
                                   adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->masked_fill(*mask, adt::scalar_of(value, ivalue, is_int)));
  ADT_CATCH
}

ADT_API int adt_tensor_masked_select(adt_tensor t, adt_tensor mask, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(t->masked_select(*mask));
  ADT_CATCH
}

// Boolean-mask or integer-index indexing on one dimension (t[..., index, ...]).
ADT_API int adt_tensor_index(adt_tensor t, int64_t dim, adt_tensor index, adt_tensor* out) {
  ADT_TRY
  c10::List<c10::optional<at::Tensor>> indices;
  for (int64_t i = 0; i < dim; ++i) indices.push_back(c10::nullopt);
  indices.push_back(*index);
  *out = adt::wrap(t->index(indices));
  ADT_CATCH
}

ADT_API int adt_tensor_where(adt_tensor condition, adt_tensor a, adt_tensor b, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::where(*condition, *a, *b));
  ADT_CATCH
}

ADT_API int adt_tensor_cat(const adt_tensor* tensors, int count, int64_t dim, int stack, adt_tensor* out) {
  ADT_TRY
  auto list = list_of(tensors, count);
  *out = adt::wrap(stack ? at::stack(list, dim) : at::cat(list, dim));
  ADT_CATCH
}

// t[..., index, ...] = values on one dimension (integer indices or a boolean mask), in place.
ADT_API int adt_tensor_index_put_(adt_tensor t, int64_t dim, adt_tensor index, adt_tensor values) {
  ADT_TRY
  c10::List<c10::optional<at::Tensor>> indices;
  for (int64_t i = 0; i < dim; ++i) indices.push_back(c10::nullopt);
  indices.push_back(*index);
  t->index_put_(indices, *values);
  ADT_CATCH
}

// Writes src into t in place (broadcasting), e.g. through a view made by slice/select.
ADT_API int adt_tensor_copy_(adt_tensor t, adt_tensor src) {
  ADT_TRY
  t->copy_(*src);
  ADT_CATCH
}

ADT_API int adt_tensor_fill_(adt_tensor t, double value, int64_t ivalue, int is_int) {
  ADT_TRY
  t->fill_(adt::scalar_of(value, ivalue, is_int));
  ADT_CATCH
}

}  // extern "C"
