#!/usr/bin/env python3
"""Writes the JSON schemas CiImageRecipesTest checks docs/ci.md's Tekton and Argo Workflows recipes with, from the
projects' own files (see README.md for the repositories and commits):
  python3 extract.py TEKTON_300_TASK_YAML ARGO_API_JSONSCHEMA_JSON
Tekton: the openAPIV3Schema of the Task CRD's v1 version. Argo Workflows: the WorkflowTemplate definition of
api/jsonschema/schema.json with every definition it refers to. Both are made strict as `kubectl apply
--validate=strict` is: an object schema that lists its properties gets additionalProperties: false (unless it says
x-kubernetes-preserve-unknown-fields), so a misspelt key fails. Descriptions are dropped; nothing else changes."""
import json
import sys

import yaml


def strict(node, names=False):
    """names: node is a properties map, whose keys are field names (a field may be called description)."""
    if isinstance(node, dict) and names:
        return {k: strict(v) for k, v in node.items()}
    if isinstance(node, dict):
        node = {k: strict(v, k in ("properties", "patternProperties")) for k, v in node.items()
                if k != "description" and not k.startswith("x-kubernetes-") or k == "x-kubernetes-preserve-unknown-fields"}
        if "properties" in node and "additionalProperties" not in node \
                and not node.get("x-kubernetes-preserve-unknown-fields"):
            node["additionalProperties"] = False
        node.pop("x-kubernetes-preserve-unknown-fields", None)
        return node
    if isinstance(node, list):
        return [strict(v) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                found.add(v.rsplit("/", 1)[1])
            else:
                refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def main(tekton_crd, argo_schema):
    crd = yaml.safe_load(open(tekton_crd))
    v1 = next(v for v in crd["spec"]["versions"] if v["name"] == "v1")
    tekton = {"$schema": "http://json-schema.org/draft-07/schema#", **strict(v1["schema"]["openAPIV3Schema"])}
    with open("tekton-task-v1.json", "w") as f:
        json.dump(tekton, f, indent=1, sort_keys=True)
        f.write("\n")

    definitions = json.load(open(argo_schema))["definitions"]
    wanted, todo = set(), {"io.argoproj.workflow.v1alpha1.WorkflowTemplate"}
    while todo:
        name = todo.pop()
        wanted.add(name)
        found = set()
        refs(definitions[name], found)
        todo |= found - wanted
    argo = {"$schema": "http://json-schema.org/draft-07/schema#",
            "$ref": "#/definitions/io.argoproj.workflow.v1alpha1.WorkflowTemplate",
            "definitions": {name: strict(definitions[name]) for name in sorted(wanted)}}
    with open("argo-workflowtemplate.json", "w") as f:
        json.dump(argo, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
