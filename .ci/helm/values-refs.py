#!/usr/bin/env python3
"""Render-free chart checks that Helm itself does not make.

- every YAML file of the chart that is not a template parses;
- values.yaml and each ci/*-values.yaml (merged over it) validate against values.schema.json (draft-07);
- every .Values.a.b path a template reads exists in values.yaml (Helm renders a missing one as empty, silently).
Usage: values-refs.py CHART_DIR
"""
import glob, json, os, re, sys

import jsonschema, yaml

chart = sys.argv[1]
errors = []


def merge(base, over):
    for key, value in over.items():
        base[key] = merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return base


for path in [f for f in glob.glob(f"{chart}/**/*.yaml", recursive=True) if "/templates/" not in f]:
    with open(path) as f:
        yaml.safe_load(f)
values = yaml.safe_load(open(f"{chart}/values.yaml"))
schema = json.load(open(f"{chart}/values.schema.json"))
jsonschema.Draft7Validator.check_schema(schema)
for name in ["values.yaml", *sorted(os.path.relpath(p, chart) for p in glob.glob(f"{chart}/ci/*-values.yaml"))]:
    merged = merge(yaml.safe_load(open(f"{chart}/values.yaml")), yaml.safe_load(open(f"{chart}/{name}")))
    for e in jsonschema.Draft7Validator(schema).iter_errors(merged):
        errors.append(f"{name}: {'/'.join(map(str, e.path))}: {e.message}")

refs = 0
for template in glob.glob(f"{chart}/templates/*"):
    text = open(template).read()
    for match in re.finditer(r"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)", text):
        refs += 1
        node = values
        for part in match.group(1).split(".")[1:]:
            if not isinstance(node, dict) or part not in node:
                errors.append(f"{os.path.basename(template)}: .Values{match.group(1)} is not in values.yaml")
                break
            node = node[part]

for e in errors:
    print(f"  {e}", file=sys.stderr)
if errors:
    sys.exit(f"values-refs.py: {len(errors)} problem(s)")
print(f"  YAML parses, values validate against values.schema.json, {refs} .Values references all exist")
