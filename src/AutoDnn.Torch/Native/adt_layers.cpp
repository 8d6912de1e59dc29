// Layer kernels behind AutoDnn.Torch.Nn modules: convolution, pooling, normalisation, dropout, embedding,
// recurrent layers (packed by lengths like torch.nn.utils.rnn), activations, losses and initialisers.
// Each export calls the same ATen op that torch.nn.functional calls, so results match Python bit for bit.
#include "adt_common.h"

#include <vector>

namespace {

at::Tensor optional_tensor(adt_tensor t) { return t ? *t : at::Tensor(); }

c10::optional<at::Tensor> maybe(adt_tensor t) { return t ? c10::optional<at::Tensor>(*t) : c10::nullopt; }

std::vector<at::Tensor> list_of(const adt_tensor* tensors, int count) {
  std::vector<at::Tensor> out;
  out.reserve(count);
  for (int i = 0; i < count; ++i) out.push_back(*tensors[i]);
  return out;
}

// torch.nn.utils.rnn.invert_permutation.
at::Tensor invert_permutation(const at::Tensor& permutation) {
  return at::empty_like(permutation, at::MemoryFormat::Preserve)
      .scatter_(0, permutation, at::arange(0, permutation.numel(), permutation.options()));
}

}  // namespace

extern "C" {

ADT_API int adt_nn_conv1d(adt_tensor input, adt_tensor weight, adt_tensor bias, int64_t stride, int64_t padding,
                          int64_t dilation, int64_t groups, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::conv1d(*input, *weight, optional_tensor(bias), {stride}, {padding}, {dilation}, groups));
  ADT_CATCH
}

// kernel, stride and padding each point at two values (height, width).
ADT_API int adt_nn_avg_pool2d(adt_tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                              int ceil_mode, int count_include_pad, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::avg_pool2d(*input, at::IntArrayRef(kernel, 2), at::IntArrayRef(stride, 2),
                                  at::IntArrayRef(padding, 2), ceil_mode != 0, count_include_pad != 0));
  ADT_CATCH
}

ADT_API int adt_nn_adaptive_avg_pool2d(adt_tensor input, int64_t height, int64_t width, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::adaptive_avg_pool2d(*input, {height, width}));
  ADT_CATCH
}

ADT_API int adt_nn_batch_norm(adt_tensor input, adt_tensor weight, adt_tensor bias, adt_tensor running_mean,
                              adt_tensor running_var, int training, double momentum, double eps, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::batch_norm(*input, maybe(weight), maybe(bias), maybe(running_mean), maybe(running_var),
                                  training != 0, momentum, eps, true));
  ADT_CATCH
}

ADT_API int adt_nn_layer_norm(adt_tensor input, const int64_t* shape, int ndim, adt_tensor weight, adt_tensor bias,
                              double eps, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::layer_norm(*input, at::IntArrayRef(shape, ndim), maybe(weight), maybe(bias), eps, true));
  ADT_CATCH
}

// feature != 0 zeroes whole channels (Dropout2d), as F.dropout2d does.
ADT_API int adt_nn_dropout(adt_tensor input, double p, int train, int feature, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(feature ? at::feature_dropout(*input, p, train != 0) : at::dropout(*input, p, train != 0));
  ADT_CATCH
}

ADT_API int adt_nn_embedding(adt_tensor weight, adt_tensor indices, int64_t padding_idx, adt_tensor* out) {
  ADT_TRY
  *out = adt::wrap(at::embedding(*weight, *indices, padding_idx, false, false));
  ADT_CATCH
}

// mode 0 LSTM, 1 GRU. params: per layer and direction w_ih, w_hh[, b_ih, b_hh]. lengths (int64, optional)
// packs the batch like pack_padded_sequence(enforce_sorted=False) and pads the output back to the input's
// length; h0/c0 are optional; c_n is only written for an LSTM.
ADT_API int adt_nn_rnn(int mode, adt_tensor input, adt_tensor lengths, adt_tensor h0, adt_tensor c0,
                       const adt_tensor* params, int nparams, int has_biases, int64_t num_layers, double dropout,
                       int train, int bidirectional, int batch_first, adt_tensor* output, adt_tensor* h_n,
                       adt_tensor* c_n) {
  ADT_TRY
  const at::Tensor& x = *input;
  if (x.dim() != 3)
    throw std::invalid_argument("a recurrent layer expects a 3-d input (batch, seq, feature) or (seq, batch, feature), got " +
                                std::to_string(x.dim()) + "-d");
  std::vector<at::Tensor> weights = list_of(params, nparams);
  const int64_t batch_dim = batch_first ? 0 : 1;
  const int64_t batch = x.size(batch_dim), steps = x.size(batch_first ? 1 : 0);
  const int64_t hidden = weights.at(1).size(1), directions = bidirectional ? 2 : 1;
  at::Tensor h = h0 ? *h0 : at::zeros({num_layers * directions, batch, hidden}, x.options());
  at::Tensor c;
  if (mode == 0) c = c0 ? *c0 : at::zeros({num_layers * directions, batch, hidden}, x.options());
  at::Tensor y, hy, cy;
  if (!lengths) {
    if (mode == 0) {
      std::tie(y, hy, cy) = at::lstm(x, {h, c}, weights, has_biases != 0, num_layers, dropout, train != 0,
                                     bidirectional != 0, batch_first != 0);
    } else {
      std::tie(y, hy) = at::gru(x, h, weights, has_biases != 0, num_layers, dropout, train != 0, bidirectional != 0,
                                batch_first != 0);
    }
  } else {
    at::Tensor len = lengths->to(at::kCPU, at::kLong);
    if (len.dim() != 1 || len.size(0) != batch)
      throw std::invalid_argument("lengths must be 1-d with one entry per sequence (" + std::to_string(batch) +
                                  "), got shape " + c10::str(len.sizes()));
    at::Tensor sorted_lengths, sorted_indices;
    std::tie(sorted_lengths, sorted_indices) = at::sort(len, 0, true);
    at::Tensor order = sorted_indices.to(x.device());
    at::Tensor unsorted = invert_permutation(order);
    at::Tensor data, batch_sizes;
    std::tie(data, batch_sizes) = at::_pack_padded_sequence(x.index_select(batch_dim, order), sorted_lengths,
                                                            batch_first != 0);
    h = h.index_select(1, order);
    at::Tensor packed_out;
    if (mode == 0) {
      c = c.index_select(1, order);
      std::tie(packed_out, hy, cy) = at::lstm(data, batch_sizes, {h, c}, weights, has_biases != 0, num_layers, dropout,
                                              train != 0, bidirectional != 0);
      cy = cy.index_select(1, unsorted);
    } else {
      std::tie(packed_out, hy) = at::gru(data, batch_sizes, h, weights, has_biases != 0, num_layers, dropout,
                                         train != 0, bidirectional != 0);
    }
    hy = hy.index_select(1, unsorted);
    at::Tensor padded = std::get<0>(at::_pad_packed_sequence(packed_out, batch_sizes, batch_first != 0, 0.0, steps));
    y = padded.index_select(batch_dim, unsorted);
  }
  *output = adt::wrap(std::move(y));
  *h_n = adt::wrap(std::move(hy));
  *c_n = mode == 0 ? adt::wrap(std::move(cy)) : nullptr;
  ADT_CATCH
}

// kind: 0 leaky_relu(a = negative_slope), 1 elu(a = alpha), 2 gelu (a != 0: tanh approximation),
// 3 relu, 4 tanh, 5 sigmoid, 6 silu.
ADT_API int adt_nn_activation(int kind, adt_tensor input, double a, adt_tensor* out) {
  ADT_TRY
  const at::Tensor& x = *input;
  switch (kind) {
    case 0: *out = adt::wrap(at::leaky_relu(x, a)); break;
    case 1: *out = adt::wrap(at::elu(x, a)); break;
    case 2: *out = adt::wrap(at::gelu(x, a != 0 ? "tanh" : "none")); break;
    case 3: *out = adt::wrap(at::relu(x)); break;
    case 4: *out = adt::wrap(at::tanh(x)); break;
    case 5: *out = adt::wrap(at::sigmoid(x)); break;
    case 6: *out = adt::wrap(at::silu(x)); break;
    default: throw std::invalid_argument("unknown activation kind " + std::to_string(kind));
  }
  ADT_CATCH
}

// kind: 0 nll (weight, ignore_index), 1 mse, 2 smooth_l1 (a = beta), 3 huber (a = delta),
// 4 bce_with_logits (weight, pos_weight). reduction: 0 none, 1 mean, 2 sum.
ADT_API int adt_nn_loss(int kind, adt_tensor input, adt_tensor target, adt_tensor weight, adt_tensor pos_weight,
                        int64_t reduction, int64_t ignore_index, double a, adt_tensor* out) {
  ADT_TRY
  const at::Tensor &x = *input, &y = *target;
  switch (kind) {
    case 0: *out = adt::wrap(at::nll_loss_nd(x, y, maybe(weight), reduction, ignore_index)); break;
    case 1: *out = adt::wrap(at::mse_loss(x, y, reduction)); break;
    case 2: *out = adt::wrap(a == 0 ? at::l1_loss(x, y, reduction) : at::smooth_l1_loss(x, y, reduction, a)); break;
    case 3: *out = adt::wrap(at::huber_loss(x, y, reduction, a)); break;
    case 4:
      *out = adt::wrap(at::binary_cross_entropy_with_logits(x, y, maybe(weight), maybe(pos_weight), reduction));
      break;
    default: throw std::invalid_argument("unknown loss kind " + std::to_string(kind));
  }
  ADT_CATCH
}

// In-place initialisers, without recording gradients (torch.nn.init).
ADT_API int adt_init_uniform_(adt_tensor t, double low, double high, adt_generator g) {
  ADT_TRY
  c10::NoGradGuard no_grad;
  t->uniform_(low, high, adt::generator_of(g));
  ADT_CATCH
}

ADT_API int adt_init_normal_(adt_tensor t, double mean, double std, adt_generator g) {
  ADT_TRY
  c10::NoGradGuard no_grad;
  t->normal_(mean, std, adt::generator_of(g));
  ADT_CATCH
}

// torch.nn.init.orthogonal_: QR of a normal draw, signs fixed by R's diagonal, scaled by gain.
ADT_API int adt_init_orthogonal_(adt_tensor t, double gain, adt_generator g) {
  ADT_TRY
  c10::NoGradGuard no_grad;
  at::Tensor& tensor = *t;
  if (tensor.dim() < 2) throw std::invalid_argument("orthogonal init needs a tensor with at least 2 dimensions");
  if (tensor.numel() == 0) return 0;
  const int64_t rows = tensor.size(0), cols = tensor.numel() / rows;
  at::Tensor flat = at::empty({rows, cols}, tensor.options()).normal_(0, 1, adt::generator_of(g));
  if (rows < cols) flat.t_();
  at::Tensor q, r;
  std::tie(q, r) = at::linalg_qr(flat);
  q.mul_(at::diag(r, 0).sign());
  if (rows < cols) q.t_();
  tensor.view_as(q).copy_(q);
  tensor.mul_(gain);
  ADT_CATCH
}

}  // extern "C"
