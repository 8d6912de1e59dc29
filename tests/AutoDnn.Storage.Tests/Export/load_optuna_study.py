# Loads a study with Debian's python3-optuna and prints what Optuna sees as JSON (non-finite floats as strings).
import json
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def fix(value):
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {str(k): fix(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [fix(v) for v in value]
    return value


study = optuna.load_study(study_name=sys.argv[2], storage="sqlite:///" + sys.argv[1])
trials = []
for t in study.get_trials(deepcopy=False):
    trials.append({
        "number": t.number,
        "state": t.state.name,
        "values": t.values,
        "params": t.params,
        "param_types": {k: type(v).__name__ for k, v in t.params.items()},
        "distributions": {k: [type(d).__name__, optuna.distributions.distribution_to_json(d)] for k, d in t.distributions.items()},
        "intermediate_values": t.intermediate_values,
        "user_attrs": t.user_attrs,
        "system_attrs": t.system_attrs,
        "has_start": t.datetime_start is not None,
        "has_complete": t.datetime_complete is not None,
    })
print(json.dumps(fix({
    "directions": [d.name for d in study.directions],
    "user_attrs": study.user_attrs,
    "optuna": optuna.__version__,
    "trials": trials,
})))
