#!/usr/bin/python3
"""Regenerates tests/AutoDnn.Torch.Tests/Fixtures/Nn/ from python3-torch (the libtorch the shim uses).

Run: /usr/bin/python3 tools/make_nn_fixtures.py
layers.json     every layer's output and gradients (input and parameters) for given weights and input
losses.json     every loss's value and input gradient
optim.json      20-step parameter trajectories of each optimizer (and gradient clipping) on a least-squares fit
schedules.json  learning-rate (and momentum) sequences of each schedule
state_dict.pt   a state_dict() saved by torch.save, with its values in state_dict.json
"""
import json, math, os
import torch, torch.nn as nn, torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'AutoDnn.Torch.Tests', 'Fixtures', 'Nn')
os.makedirs(OUT, exist_ok=True)


def t(x):
    x = x.detach()
    return {'shape': list(x.shape), 'dtype': str(x.dtype).replace('torch.', ''), 'data': x.flatten().tolist()}


def dump(name, obj):
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(obj, f, separators=(',', ':'))


def layer_case(name, module, x, lengths=None, train=True, seed=None, int_input=False):
    module.train(train)
    torch.manual_seed(100)
    for p in module.parameters():  # fresh, non-default weights so init order does not matter here
        with torch.no_grad():
            p.copy_(torch.randn_like(p) * 0.5)
    state = {k: t(v) for k, v in module.state_dict().items()}
    x = x.clone()
    if not int_input:
        x.requires_grad_(True)
    if seed is not None:
        torch.manual_seed(seed)
    if isinstance(module, (nn.LSTM, nn.GRU)):
        if lengths is not None:
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=module.batch_first, enforce_sorted=False)
            out, h = module(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=module.batch_first, total_length=x.shape[1 if module.batch_first else 0])
        else:
            out, h = module(x)
        hn = h[0] if isinstance(h, tuple) else h
    else:
        out, hn = module(x), None
    g = torch.randn(out.shape, generator=torch.Generator().manual_seed(7))
    loss = (out * g).sum()
    if hn is not None:
        gh = torch.randn(hn.shape, generator=torch.Generator().manual_seed(8))
        loss = loss + (hn * gh).sum()
    loss.backward()
    case = {'name': name, 'train': train, 'seed': seed, 'state': state, 'input': t(x), 'output': t(out), 'grad_output': t(g),
            'param_grads': {n: t(p.grad) for n, p in module.named_parameters()},
            'state_after': {k: t(v) for k, v in module.state_dict().items()}}
    if not int_input:
        case['input_grad'] = t(x.grad)
    if lengths is not None:
        case['lengths'] = t(torch.tensor(lengths, dtype=torch.int64))
    if hn is not None:
        case['h_n'] = t(hn)
        case['grad_h_n'] = t(gh)
    return case


def layers():
    torch.manual_seed(0)
    img = torch.randn(2, 4, 7, 6)
    seq = torch.randn(3, 5, 4)
    cases = [
        layer_case('linear', nn.Linear(4, 3), torch.randn(5, 4)),
        layer_case('linear_nobias', nn.Linear(4, 3, bias=False), torch.randn(2, 5, 4)),
        layer_case('conv1d', nn.Conv1d(4, 6, 3, stride=2, padding=1, dilation=1, groups=2), torch.randn(2, 4, 9)),
        layer_case('conv2d', nn.Conv2d(4, 6, 3, stride=2, padding=1, dilation=2, groups=2), img),
        layer_case('maxpool2d', nn.MaxPool2d(2), img),
        layer_case('avgpool2d', nn.AvgPool2d(3, stride=2, padding=1), img),
        layer_case('adaptiveavgpool2d', nn.AdaptiveAvgPool2d((3, 2)), img),
        layer_case('batchnorm1d_train', nn.BatchNorm1d(4), torch.randn(6, 4)),
        layer_case('batchnorm2d_train', nn.BatchNorm2d(4), img),
        layer_case('batchnorm2d_eval', nn.BatchNorm2d(4), img, train=False),
        layer_case('layernorm', nn.LayerNorm([6]), img),
        layer_case('dropout', nn.Dropout(0.3), img, seed=5),
        layer_case('dropout2d', nn.Dropout2d(0.5), img, seed=6),
        layer_case('embedding', nn.Embedding(10, 4, padding_idx=0), torch.tensor([[1, 0, 3], [9, 3, 0]]), int_input=True),
        layer_case('flatten', nn.Flatten(), img),
        layer_case('relu', nn.ReLU(), img),
        layer_case('leakyrelu', nn.LeakyReLU(0.2), img),
        layer_case('elu', nn.ELU(0.7), img),
        layer_case('gelu', nn.GELU(), img),
        layer_case('gelu_tanh', nn.GELU(approximate='tanh'), img),
        layer_case('silu', nn.SiLU(), img),
        layer_case('tanh', nn.Tanh(), img),
        layer_case('sigmoid', nn.Sigmoid(), img),
        layer_case('lstm', nn.LSTM(4, 3, batch_first=True), seq),
        layer_case('lstm_2layer_bidir', nn.LSTM(4, 3, num_layers=2, bidirectional=True, batch_first=True), seq),
        layer_case('lstm_lengths', nn.LSTM(4, 3, num_layers=2, bidirectional=True, batch_first=True), seq, lengths=[5, 2, 3]),
        layer_case('lstm_seq_first_dropout', nn.LSTM(4, 3, num_layers=2, dropout=0.5), seq, seed=9),
        layer_case('gru', nn.GRU(4, 3, batch_first=True), seq),
        layer_case('gru_lengths_bidir', nn.GRU(4, 3, num_layers=2, bidirectional=True, batch_first=True), seq, lengths=[1, 5, 4]),
        layer_case('sequential', nn.Sequential(nn.Conv2d(4, 3, 3), nn.ReLU(), nn.Flatten(), nn.Linear(60, 2)), img),
    ]
    dump('layers.json', cases)


def losses():
    torch.manual_seed(1)
    cases = []

    def case(name, fn, x, y, **extra):
        x = x.clone().requires_grad_(True)
        out = fn(x, y)
        g = torch.randn(out.shape, generator=torch.Generator().manual_seed(3))
        (out * g).sum().backward()
        c = {'name': name, 'input': t(x), 'target': t(y), 'output': t(out), 'grad_output': t(g), 'input_grad': t(x.grad)}
        c.update({k: t(v) for k, v in extra.items()})
        cases.append(c)

    logits, classes = torch.randn(6, 4), torch.tensor([0, 3, 1, -100, 2, 3])
    w = torch.tensor([0.5, 1.0, 2.0, 1.5])
    case('cross_entropy', lambda x, y: F.cross_entropy(x, y), logits, classes)
    case('cross_entropy_weight_smooth_ignore', lambda x, y: F.cross_entropy(x, y, weight=w, label_smoothing=0.1, ignore_index=-100), logits, classes, weight=w)
    case('cross_entropy_sum', lambda x, y: F.cross_entropy(x, y, reduction='sum', ignore_index=3), logits, classes.clamp(min=0))
    case('nll', lambda x, y: F.nll_loss(F.log_softmax(x, 1), y, weight=w), logits, classes, weight=w)
    case('nll_none', lambda x, y: F.nll_loss(x, y, reduction='none'), logits, classes.clamp(min=0))
    a, b = torch.randn(4, 5) * 2, torch.randn(4, 5)
    case('mse', lambda x, y: F.mse_loss(x, y), a, b)
    case('mse_none', lambda x, y: F.mse_loss(x, y, reduction='none'), a, b)
    case('smooth_l1', lambda x, y: F.smooth_l1_loss(x, y, beta=0.5), a, b)
    case('huber', lambda x, y: F.huber_loss(x, y, delta=0.7, reduction='sum'), a, b)
    bt = (torch.rand(4, 5) > 0.5).float()
    pw = torch.tensor([1.0, 2.0, 0.5, 1.0, 3.0])
    case('bce_with_logits', lambda x, y: F.binary_cross_entropy_with_logits(x, y), a, bt)
    case('bce_with_logits_pos_weight', lambda x, y: F.binary_cross_entropy_with_logits(x, y, pos_weight=pw), a, bt, pos_weight=pw)
    dump('losses.json', cases)


def optim():
    torch.manual_seed(2)
    X, Y = torch.randn(8, 3), torch.randn(8, 4)
    W0, b0 = torch.randn(4, 3), torch.randn(4)
    configs = [
        ('sgd', lambda p: torch.optim.SGD(p, lr=0.1), None),
        ('sgd_momentum_dampening', lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, dampening=0.1), None),
        ('sgd_nesterov_wd', lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01), None),
        ('adam', lambda p: torch.optim.Adam(p, lr=0.01), None),
        ('adam_amsgrad_wd', lambda p: torch.optim.Adam(p, lr=0.02, betas=(0.8, 0.99), weight_decay=0.1, amsgrad=True), None),
        ('adamw', lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.05), None),
        ('rmsprop', lambda p: torch.optim.RMSprop(p, lr=0.01), None),
        ('rmsprop_centered_momentum', lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5, centered=True, weight_decay=0.01), None),
        ('sgd_clip_norm', lambda p: torch.optim.SGD(p, lr=0.1), 0.5),
        ('sgd_clip_inf', lambda p: torch.optim.SGD(p, lr=0.1), -0.3),
    ]
    cases = []
    for name, make, clip in configs:
        W, b = W0.clone().requires_grad_(True), b0.clone().requires_grad_(True)
        opt = make([W, b])
        traj, norms = [], []
        for _ in range(20):
            opt.zero_grad()
            F.mse_loss(F.linear(X, W, b), Y).backward()
            if clip is not None:
                n = nn.utils.clip_grad_norm_([W, b], abs(clip), norm_type=2.0 if clip > 0 else math.inf)
                norms.append(float(n))
            opt.step()
            traj.append(torch.cat([W.detach().flatten(), b.detach().flatten()]).tolist())
        cases.append({'name': name, 'trajectory': traj, 'norms': norms})
    dump('optim.json', {'x': t(X), 'y': t(Y), 'w0': t(W0), 'b0': t(b0), 'cases': cases})


def schedules():
    def run(name, make_opt, make_sched, metrics=None):
        p = torch.zeros(1, requires_grad=True)
        opt = make_opt([p])
        s = make_sched(opt)
        key = 'betas' if 'betas' in opt.param_groups[0] else 'momentum'
        mom = lambda: opt.param_groups[0][key][0] if key == 'betas' else opt.param_groups[0][key]
        lrs, moms = [opt.param_groups[0]['lr']], [mom()]
        for i in range(20):
            opt.step()
            s.step(metrics[i]) if metrics else s.step()
            lrs.append(opt.param_groups[0]['lr'])
            moms.append(mom())
        return {'name': name, 'lrs': lrs, 'momenta': moms, 'metrics': metrics or []}

    sgd = lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)
    adam = lambda p: torch.optim.Adam(p, lr=0.1)
    def hf(warmup, total):
        return lambda s: s / max(1, warmup) if s < warmup else max(0.0, 0.5 * (1.0 + math.cos(math.pi * (s - warmup) / max(1, total - warmup))))
    L = torch.optim.lr_scheduler
    plateau = [1.0, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99, 0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75]
    cases = [
        run('step', sgd, lambda o: L.StepLR(o, step_size=3, gamma=0.5)),
        run('exponential', sgd, lambda o: L.ExponentialLR(o, gamma=0.9)),
        run('cosine_warmup', sgd, lambda o: L.LambdaLR(o, hf(5, 20))),
        run('cosine_nowarmup', sgd, lambda o: L.LambdaLR(o, hf(0, 20))),
        run('onecycle_sgd', sgd, lambda o: L.OneCycleLR(o, max_lr=0.5, total_steps=20)),
        run('onecycle_adam', adam, lambda o: L.OneCycleLR(o, max_lr=0.01, total_steps=25, pct_start=0.4)),
        run('plateau', sgd, lambda o: L.ReduceLROnPlateau(o, factor=0.5, patience=2, cooldown=1), plateau),
        run('plateau_max_abs', sgd, lambda o: L.ReduceLROnPlateau(o, mode='max', factor=0.3, patience=1, threshold=0.05, threshold_mode='abs', min_lr=0.005), plateau),
    ]
    dump('schedules.json', cases)


def state_dict():
    torch.manual_seed(3)
    net = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU(), nn.Flatten(), nn.Linear(2 * 4 * 4, 3))
    net.train()
    net(torch.randn(4, 1, 6, 6))  # moves the running statistics and num_batches_tracked
    sd = net.state_dict()
    torch.save(sd, os.path.join(OUT, 'state_dict.pt'))
    dump('state_dict.json', {k: t(v) for k, v in sd.items()})


layers(); losses(); optim(); schedules(); state_dict()
print('fixtures written to', os.path.normpath(OUT))
