// Optimizers (AutoDnn.Torch.Optim): the whole update of every parameter in one native call, written op for op
// like torch.optim's single-tensor path (PyTorch 1.13's default on CPU), so trajectories match Python bit for bit.
// Hyperparameters travel with each step, so schedules change them freely.
#include "adt_common.h"

#include <cmath>
#include <vector>

namespace {

enum Kind { kSgd = 0, kAdam = 1, kAdamW = 2, kRmsProp = 3 };

struct ParamState {
  double step = 0;
  at::Tensor a, b, c;  // SGD: momentum buffer; Adam(W): exp_avg, exp_avg_sq, max_exp_avg_sq; RMSprop: square_avg, grad_avg, buffer
};

struct Optimizer {
  int kind;
  std::vector<at::Tensor> params;
  std::vector<ParamState> state;
};

void sgd_step(Optimizer& o, const double* h) {
  const double lr = h[0], momentum = h[1], dampening = h[2], weight_decay = h[3];
  const bool nesterov = h[4] != 0, maximize = h[5] != 0;
  for (size_t i = 0; i < o.params.size(); ++i) {
    at::Tensor& p = o.params[i];
    if (!p.grad().defined()) continue;
    at::Tensor d_p = maximize ? -p.grad() : p.grad();
    if (weight_decay != 0) d_p = d_p.add(p, weight_decay);
    if (momentum != 0) {
      at::Tensor& buf = o.state[i].a;
      if (!buf.defined()) buf = d_p.clone().detach();
      else buf.mul_(momentum).add_(d_p, 1 - dampening);
      d_p = nesterov ? d_p.add(buf, momentum) : buf;
    }
    p.add_(d_p, -lr);
  }
}

void adam_step(Optimizer& o, const double* h, bool decoupled) {
  const double lr = h[0], beta1 = h[1], beta2 = h[2], eps = h[3], weight_decay = h[4];
  const bool amsgrad = h[5] != 0, maximize = h[6] != 0;
  for (size_t i = 0; i < o.params.size(); ++i) {
    at::Tensor& p = o.params[i];
    if (!p.grad().defined()) continue;
    ParamState& s = o.state[i];
    if (!s.a.defined()) {
      s.a = at::zeros_like(p, at::MemoryFormat::Preserve);
      s.b = at::zeros_like(p, at::MemoryFormat::Preserve);
      if (amsgrad) s.c = at::zeros_like(p, at::MemoryFormat::Preserve);
    }
    at::Tensor grad = maximize ? -p.grad() : p.grad();
    // Python keeps the step count in a float32 tensor and reads it back with item().
    s.step = static_cast<double>(static_cast<float>(s.step + 1));
    if (decoupled) p.mul_(1 - lr * weight_decay);
    else if (weight_decay != 0) grad = grad.add(p, weight_decay);
    s.a.mul_(beta1).add_(grad, 1 - beta1);
    s.b.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
    const double bias_correction1 = 1 - std::pow(beta1, s.step);
    const double bias_correction2 = 1 - std::pow(beta2, s.step);
    const double step_size = lr / bias_correction1;
    const double bias_correction2_sqrt = std::sqrt(bias_correction2);
    at::Tensor denom;
    if (amsgrad) {
      if (!s.c.defined()) s.c = at::zeros_like(p, at::MemoryFormat::Preserve);
      at::maximum_out(s.c, s.c, s.b);
      denom = (s.c.sqrt() / bias_correction2_sqrt).add_(eps);
    } else {
      denom = (s.b.sqrt() / bias_correction2_sqrt).add_(eps);
    }
    p.addcdiv_(s.a, denom, -step_size);
  }
}

void rmsprop_step(Optimizer& o, const double* h) {
  const double lr = h[0], alpha = h[1], eps = h[2], weight_decay = h[3], momentum = h[4];
  const bool centered = h[5] != 0, maximize = h[6] != 0;
  for (size_t i = 0; i < o.params.size(); ++i) {
    at::Tensor& p = o.params[i];
    if (!p.grad().defined()) continue;
    ParamState& s = o.state[i];
    if (!s.a.defined()) s.a = at::zeros_like(p, at::MemoryFormat::Preserve);
    at::Tensor grad = maximize ? -p.grad() : p.grad();
    if (weight_decay != 0) grad = grad.add(p, weight_decay);
    s.a.mul_(alpha).addcmul_(grad, grad, 1 - alpha);
    at::Tensor avg;
    if (centered) {
      if (!s.b.defined()) s.b = at::zeros_like(p, at::MemoryFormat::Preserve);
      s.b.mul_(alpha).add_(grad, 1 - alpha);
      avg = s.a.addcmul(s.b, s.b, -1).sqrt_();
    } else {
      avg = s.a.sqrt();
    }
    avg.add_(eps);
    if (momentum > 0) {
      if (!s.c.defined()) s.c = at::zeros_like(p, at::MemoryFormat::Preserve);
      s.c.mul_(momentum).addcdiv_(grad, avg);
      p.add_(s.c, -lr);
    } else {
      p.addcdiv_(grad, avg, -lr);
    }
  }
}

}  // namespace

typedef Optimizer* adt_optimizer;

extern "C" {

ADT_API int adt_optim_new(int kind, const adt_tensor* params, int count, adt_optimizer* out) {
  ADT_TRY
  if (kind < kSgd || kind > kRmsProp) throw std::invalid_argument("unknown optimizer kind " + std::to_string(kind));
  auto* o = new Optimizer{kind, {}, {}};
  for (int i = 0; i < count; ++i) o->params.push_back(*params[i]);
  o->state.resize(count);
  *out = o;
  ADT_CATCH
}

ADT_API void adt_optim_free(adt_optimizer o) { delete o; }

// hyper: SGD (lr, momentum, dampening, weight_decay, nesterov, maximize);
// Adam/AdamW (lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
// RMSprop (lr, alpha, eps, weight_decay, momentum, centered, maximize).
ADT_API int adt_optim_step(adt_optimizer o, const double* hyper) {
  ADT_TRY
  c10::NoGradGuard no_grad;
  switch (o->kind) {
    case kSgd: sgd_step(*o, hyper); break;
    case kAdam: adam_step(*o, hyper, false); break;
    case kAdamW: adam_step(*o, hyper, true); break;
    default: rmsprop_step(*o, hyper); break;
  }
  ADT_CATCH
}

ADT_API int adt_optim_zero_grad(adt_optimizer o, int set_to_none) {
  ADT_TRY
  for (at::Tensor& p : o->params) {
    if (!p.grad().defined()) continue;
    if (set_to_none) {
      p.mutable_grad().reset();
    } else {
      p.mutable_grad().detach_();
      p.mutable_grad().zero_();
    }
  }
  ADT_CATCH
}

// torch.nn.utils.clip_grad_norm_: scales every gradient so their joint norm is at most max_norm.
ADT_API int adt_optim_clip_grad_norm(const adt_tensor* params, int count, double max_norm, double norm_type,
                                     double* total) {
  ADT_TRY
  c10::NoGradGuard no_grad;
  std::vector<at::Tensor> grads;
  for (int i = 0; i < count; ++i)
    if (params[i]->grad().defined()) grads.push_back(params[i]->grad());
  if (grads.empty()) {
    *total = 0;
    return 0;
  }
  std::vector<at::Tensor> norms;
  at::Tensor total_norm;
  if (std::isinf(norm_type)) {
    for (auto& g : grads) norms.push_back(g.detach().abs().max());
    total_norm = norms.size() == 1 ? norms[0] : at::stack(norms).max();
  } else {
    for (auto& g : grads) norms.push_back(at::norm(g.detach(), norm_type));
    total_norm = at::norm(at::stack(norms), norm_type);
  }
  // Python computes max_norm / tensor as reciprocal() * max_norm.
  at::Tensor coef = at::clamp((total_norm + 1e-6).reciprocal() * max_norm, c10::nullopt, 1.0);
  for (auto& g : grads) g.detach().mul_(coef);
  *total = total_norm.item<double>();
  ADT_CATCH
}

}  // extern "C"
