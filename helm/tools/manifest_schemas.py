#!/usr/bin/env python3
"""Writes helm/src/test/resources/manifest-schemas.json, the strict JSON schemas ManifestSchemaTest checks every
rendered object against, from files downloaded by hand (see helm/src/test/resources/manifest-schemas.md):

  python3 helm/tools/manifest_schemas.py DIR

DIR holds
  swagger.json                     the Kubernetes OpenAPI v2 document (api/openapi-spec/swagger.json of a release)
  *.yaml                           CustomResourceDefinitions: Strimzi's packaging/install/cluster-operator/04*-Crd-*.yaml,
                                   prometheus-operator's example/prometheus-operator-crd/*.yaml, Gateway API's
                                   config/crd/standard/*.yaml
  sources.json                     {"file name": "where it came from, which version"} for the $comment of the output

Only the kinds in KINDS (and, from the CRDs, every served version of the kinds in CRD_KINDS) are written, with the
definitions they reach. The conversion is the one kubeconform's "strict" schemas use:
  - descriptions, defaults, formats and CEL rules are dropped;
  - an object with properties and no additionalProperties (and no x-kubernetes-preserve-unknown-fields) gets
    additionalProperties: false, so an unknown field fails, not only a wrong type;
  - int-or-string becomes ["integer", "string"], a Quantity ["string", "number"], nullable adds "null", and an
    optional field of a plain type may be null (the API server reads null as absent);
  - a custom resource's metadata is checked as the Kubernetes ObjectMeta.
"""
import glob
import json
import os
import sys

import yaml

# Kubernetes kinds (apiVersion, kind) the charts render or are likely to: the pruned file keeps these.
KINDS = [
    ("v1", "ConfigMap"), ("v1", "Secret"), ("v1", "Service"), ("v1", "ServiceAccount"), ("v1", "Pod"),
    ("v1", "PersistentVolumeClaim"),
    ("apps/v1", "Deployment"), ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"),
    ("batch/v1", "Job"), ("batch/v1", "CronJob"),
    ("networking.k8s.io/v1", "Ingress"), ("networking.k8s.io/v1", "NetworkPolicy"),
    ("policy/v1", "PodDisruptionBudget"), ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ("rbac.authorization.k8s.io/v1", "Role"), ("rbac.authorization.k8s.io/v1", "RoleBinding"),
]
CRD_KINDS = {"Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "ServiceMonitor", "PodMonitor", "PrometheusRule",
             "HTTPRoute"}
# Of the custom resources, the versions the charts may render (Strimzi serves v1beta2 and v1 from 0.49 on).
CRD_VERSIONS = {"v1", "v1beta2"}

OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
REF = "#/definitions/"
# JSON Schema keywords kept as they are (the rest: descriptions, defaults, formats, x-kubernetes-*, are dropped).
KEPT = ["enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "const"]


def with_null(schema):
    """An optional field may be null, as the API server reads it; only plain types get it (a $ref stays as it is)."""
    t = schema.get("type")
    if isinstance(t, str):
        schema["type"] = [t, "null"]
    elif isinstance(t, list) and "null" not in t:
        schema["type"] = t + ["null"]
    return schema


def convert(node, refs):
    """One OpenAPI (v2 definition or CRD v3) schema node as strict JSON Schema; refs collects the $refs it reaches."""
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"][len(REF):]
        refs.add(name)
        return {"$ref": node["$ref"]}
    out = {}
    if node.get("x-kubernetes-int-or-string") or node.get("format") == "int-or-string":
        out["type"] = ["integer", "string"]
    elif "type" in node:
        out["type"] = node["type"]
    for key in KEPT:
        if key in node:
            out[key] = node[key]
    for key in ("allOf", "anyOf", "oneOf"):
        if key in node:
            out[key] = [convert(n, refs) for n in node[key]]
    if "not" in node:
        out["not"] = convert(node["not"], refs)
    if "items" in node:
        out["items"] = convert(node["items"], refs)
    preserve = node.get("x-kubernetes-preserve-unknown-fields", False)
    if "properties" in node:
        required = set(node.get("required", []))
        out["properties"] = {}
        for name, prop in node["properties"].items():
            converted = convert(prop, refs)
            out["properties"][name] = converted if name in required else with_null(converted)
    if node.get("required"):
        out["required"] = node["required"]
    if "additionalProperties" in node:
        ap = node["additionalProperties"]
        out["additionalProperties"] = ap if isinstance(ap, bool) else convert(ap, refs)
    elif "properties" in node and not preserve:
        out["additionalProperties"] = False
    if node.get("nullable"):
        with_null(out)
    return out


def kubernetes(swagger, definitions, kinds):
    defs = swagger["definitions"]
    gvk = {}
    for name, d in defs.items():
        for k in d.get("x-kubernetes-group-version-kind", []):
            api_version = (k["group"] + "/" if k["group"] else "") + k["version"]
            gvk[(api_version, k["kind"])] = name
    todo = []
    for api_version, kind in KINDS:
        name = gvk[(api_version, kind)]
        kinds[api_version + " " + kind] = name
        todo.append(name)
    while todo:
        name = todo.pop()
        if name in definitions:
            continue
        refs = set()
        if name == INT_OR_STRING:
            definitions[name] = {"type": ["integer", "string"]}
        elif name == QUANTITY:
            definitions[name] = {"type": ["string", "number"]}
        else:
            definitions[name] = convert(defs[name], refs)
        todo.extend(sorted(refs - definitions.keys()))


def crds(path, definitions, kinds):
    with open(path) as f:
        for doc in yaml.safe_load_all(f):
            if not doc or doc.get("kind") != "CustomResourceDefinition":
                continue
            spec = doc["spec"]
            kind = spec["names"]["kind"]
            if kind not in CRD_KINDS:
                continue
            for version in spec["versions"]:
                if not version.get("served") or version["name"] not in CRD_VERSIONS:
                    continue
                api_version = spec["group"] + "/" + version["name"]
                schema = convert(version["schema"]["openAPIV3Schema"], set())
                schema["properties"]["metadata"] = {"$ref": REF + OBJECT_META}
                schema.setdefault("required", [])
                for key in ("apiVersion", "kind", "metadata"):
                    if key not in schema["required"]:
                        schema["required"].append(key)
                name = api_version + "/" + kind
                definitions[name] = schema
                kinds[api_version + " " + kind] = name


def main(directory):
    with open(os.path.join(directory, "sources.json")) as f:
        sources = json.load(f)
    definitions, kinds = {}, {}
    with open(os.path.join(directory, "swagger.json")) as f:
        kubernetes(json.load(f), definitions, kinds)
    for path in sorted(glob.glob(os.path.join(directory, "*.yaml"))):
        crds(path, definitions, kinds)
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources",
                          "manifest-schemas.json")
    lines = ['{"$comment": ' + json.dumps("Written by helm/tools/manifest_schemas.py from: " + "; ".join(
        f"{k}: {v}" for k, v in sorted(sources.items()))) + ',',
             ' "kinds": ' + json.dumps(dict(sorted(kinds.items())), indent=None) + ',',
             ' "definitions": {']
    names = sorted(definitions)
    for i, name in enumerate(names):
        lines.append("  " + json.dumps(name) + ": " + json.dumps(definitions[name], separators=(",", ":"))
                     + ("," if i < len(names) - 1 else ""))
    lines.append(" }}")
    with open(target, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(kinds)} kinds, {len(definitions)} definitions -> {os.path.normpath(target)}")


if __name__ == "__main__":
    main(sys.argv[1])
