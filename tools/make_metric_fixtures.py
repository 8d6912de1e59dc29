#!/usr/bin/python3
"""Regenerates tests/AutoDnn.Training.Tests/Fixtures/metrics.json with Debian's python3-sklearn.

Run: /usr/bin/python3 tools/make_metric_fixtures.py
Each case holds true labels, class probabilities and scikit-learn's value of every metric that
MetricCatalog names (same scorer names).
"""
import json, os
import numpy as np
import sklearn
from sklearn import metrics as M

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "AutoDnn.Training.Tests", "Fixtures", "metrics.json")
rng = np.random.default_rng(7)

def probs_for(y, classes, skill, ties=False):
    logits = rng.normal(0, 1, (len(y), classes))
    logits[np.arange(len(y)), y] += skill
    if ties:
        logits = np.round(logits)  # many equal scores
    p = np.exp(logits - logits.max(1, keepdims=True))
    return p / p.sum(1, keepdims=True)

def case(name, y, p):
    classes = p.shape[1]
    pred = p.argmax(1)
    labels = list(range(classes))
    v = {
        "accuracy": M.accuracy_score(y, pred),
        "balanced_accuracy": M.balanced_accuracy_score(y, pred),
        "log_loss": M.log_loss(y, p, labels=labels),
    }
    for avg in ["macro", "micro", "weighted"]:
        v[f"precision_{avg}"] = M.precision_score(y, pred, average=avg, zero_division=0)
        v[f"recall_{avg}"] = M.recall_score(y, pred, average=avg, zero_division=0)
        v[f"f1_{avg}"] = M.f1_score(y, pred, average=avg, zero_division=0)
    if classes == 2:
        v["roc_auc_ovr"] = M.roc_auc_score(y, p[:, 1])
        v["roc_auc_ovr_weighted"] = v["roc_auc_ovr"]
    else:
        v["roc_auc_ovr"] = M.roc_auc_score(y, p, multi_class="ovr", average="macro", labels=labels)
        v["roc_auc_ovr_weighted"] = M.roc_auc_score(y, p, multi_class="ovr", average="weighted", labels=labels)
    return {"name": name, "actual": [int(t) for t in y], "probabilities": p.tolist(),
            "confusion": M.confusion_matrix(y, pred, labels=labels).tolist(),
            "expected": {k: float(x) for k, x in v.items()}}

cases = []
y = rng.integers(0, 4, 80)
cases.append(case("multiclass_4", y, probs_for(y, 4, 1.5)))
y = rng.integers(0, 2, 50)
cases.append(case("binary", y, probs_for(y, 2, 1.0)))
y = np.array([0] * 30 + [1] * 10 + [2] * 5)
p = probs_for(y, 3, 0.3)
p[:, 2] *= 0.01  # class 2 is never predicted: precision's zero division
p /= p.sum(1, keepdims=True)
cases.append(case("imbalanced_never_predicted", y, p))
y = rng.integers(0, 3, 60)
cases.append(case("tied_scores", y, probs_for(y, 3, 1.0, ties=True)))

with open(OUT, "w") as fh:
    json.dump({"sklearn_version": sklearn.__version__, "cases": cases}, fh, separators=(",", ":"))
print(f"wrote {len(cases)} cases to {os.path.normpath(OUT)}")
