#!/usr/bin/env python3
"""Writes values.schema.json of the three service charts (one schema), of the portal chart and of the umbrella chart nq57.

The `global` block is one schema, used by all five charts; ChartConsistencyTest checks the files stay as this
script writes them. Run from anywhere: python3 helm/tools/schemas.py
"""
import json
import os
S = lambda **kw: kw
string = {"type": "string"}
url_or_empty = {"type": "string", "pattern": "^(|https?://\\S+)$"}
selector = {"type": "object", "properties": {
    "matchLabels": {"type": "object", "additionalProperties": {"type": "string"}},
    "matchExpressions": {"type": "array"}}, "additionalProperties": False}
quantity = {"type": ["string", "integer", "number"], "pattern": "^[0-9]+(\\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?$"}
nonEmptyQuantity = dict(quantity)
duration = {"type": "string", "pattern": "^[0-9]+(ms|s|m|h)$"}

glob = {
  "type": "object",
  "description": "Settings the services of one instance share.",
  "properties": {
    "instance": {"type": "object", "additionalProperties": False, "required": ["id", "role"], "properties": {
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9-]{1,30}$", "description": "instance id: lower-case letters, digits and '-', 2-31 characters, e.g. central or bkhcn"},
        "role": {"type": "string", "enum": ["central", "ministry"]}}},
    "profile": {"type": "string", "enum": ["production", "dev"], "description": "production refuses the demo realm, generated passwords, plain-HTTP federation and SNAPSHOT images; dev is for evaluations"},
    "imageRegistry": string,
    "imagePullSecrets": {"type": "array", "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}}},
    "apiVersions": {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9.-]+/[a-z0-9]+$"}},
    "kubeVersion": {"type": "string", "pattern": "^(|v?[0-9]+\\.[0-9]+(\\.[0-9]+)?)$"},
    "trust": {"type": "object", "additionalProperties": False, "properties": {
        "configMap": string, "secret": string, "key": {"type": "string", "pattern": "^[A-Za-z0-9._-]+$"}},
      "not": {"required": ["configMap", "secret"], "properties": {"configMap": {"minLength": 1}, "secret": {"minLength": 1}}}},
    "proxy": {"type": "object", "additionalProperties": False, "properties": {
        "httpsHost": {"type": "string", "pattern": "^[A-Za-z0-9.-]*$", "description": "a host name, no scheme"},
        "httpsPort": {"type": "integer", "minimum": 1, "maximum": 65535},
        "noProxy": {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z0-9.*-]+$"}}}},
    "postgresql": {"type": "object", "additionalProperties": False, "properties": {
        "host": string,
        "port": {"type": "integer", "minimum": 1, "maximum": 65535},
        "username": {"type": "string", "minLength": 1},
        "existingSecret": string,
        "passwordKey": {"type": "string", "minLength": 1},
        "jdbcParameters": string,
        "owner": {"type": "object", "additionalProperties": False, "properties": {
            "username": string, "existingSecret": string, "passwordKey": {"type": "string", "minLength": 1}}}}},
    "kafka": {"type": "object", "additionalProperties": False, "properties": {
        "bootstrapServers": {"type": "string", "pattern": "^(|[A-Za-z0-9.-]+:[0-9]+(,[A-Za-z0-9.-]+:[0-9]+)*)$"}}},
    "oidc": {"type": "object", "additionalProperties": False, "properties": {
        "issuerUrl": url_or_empty, "jwksUrl": url_or_empty, "bundledKeycloak": {"type": "boolean"}}},
    "federation": {"type": "object", "additionalProperties": False,
        "description": "Federation with the central instance. The client secret comes from existingSecret, never from values.",
        "properties": {
        "centralUrl": url_or_empty,
        "tokenUrl": {"type": "string", "pattern": "^(|https?://[^\\s@]+)$", "description": "the central Keycloak's token endpoint (no credentials in the URL)"},
        "clientId": string,
        "existingSecret": string,
        "clientSecretKey": {"type": "string", "minLength": 1},
        "forwardInterval": duration,
        "catalogInterval": duration,
        "batchSize": {"type": "integer", "minimum": 1, "maximum": 500, "description": "central takes at most 500 events per POST"},
        "tokenRefreshMargin": duration,
        "maxBackoff": duration,
        "intakeEnabled": {"type": "boolean"}}},
    "networkPolicy": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"},
        "ingressController": {"type": "object", "additionalProperties": False, "required": ["namespaceSelector"], "properties": {"namespaceSelector": selector, "podSelector": selector}},
        "monitoring": {"type": "object", "additionalProperties": False, "required": ["namespaceSelector"], "properties": {"namespaceSelector": selector, "podSelector": selector}},
        "egress": {"type": "object", "additionalProperties": False, "properties": {
            "enabled": {"type": "boolean"}, "dnsNamespaceSelector": selector,
            "extra": {"type": "array", "items": {"type": "object", "properties": {"to": {"type": "array"}, "ports": {"type": "array"}}, "additionalProperties": False}}}}}},
  },
  "allOf": [
    {"if": {"required": ["profile"], "properties": {"profile": {"const": "production"}}},
     "then": {"properties": {"oidc": {"properties": {"issuerUrl": {"pattern": "^(|https://\\S+|http://[a-z0-9-]+-keycloak:8080/realms/\\S+)$",
        "description": "production: an issuer over HTTPS, or the bundled Keycloak in the cluster"}}}}}},
    {"if": {"required": ["profile", "instance"], "properties": {"profile": {"const": "production"}, "instance": {"properties": {"role": {"const": "ministry"}}}}},
     "then": {"properties": {"federation": {"properties": {
        "centralUrl": {"pattern": "^(|https://\\S+)$", "description": "production: central over HTTPS only"},
        "tokenUrl": {"pattern": "^(|https://\\S+)$", "description": "production: central's Keycloak over HTTPS only"}}}}}},
    {"if": {"properties": {"instance": {"properties": {"role": {"const": "ministry"}}}}},
     "then": {"required": ["federation"], "properties": {"federation": {"required": ["tokenUrl", "clientId", "existingSecret"], "properties": {
        "tokenUrl": {"minLength": 1, "description": "a ministry instance needs the token endpoint of the central Keycloak"},
        "clientId": {"minLength": 1},
        "existingSecret": {"minLength": 1},
        "intakeEnabled": {"const": False}}}}}}
  ]
}

probe = {"type": "object", "additionalProperties": False, "properties": {
  "initialDelaySeconds": {"type": "integer", "minimum": 0},
  "periodSeconds": {"type": "integer", "minimum": 1},
  "timeoutSeconds": {"type": "integer", "minimum": 1},
  "successThreshold": {"type": "integer", "minimum": 1},
  "failureThreshold": {"type": "integer", "minimum": 1}}}

service = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "NQ57 service chart values",
  "type": "object",
  "required": ["component", "global", "image", "replicaCount", "containerPort", "database", "resources", "probes", "podSecurityContext", "securityContext"],
  "properties": {
    "global": glob,
    "component": {"type": "object", "additionalProperties": False, "required": ["databaseUrlEnv"], "properties": {
        "databaseUrlEnv": {"type": "string", "pattern": "^NQ57_[A-Z]+_DB_URL$"}}},
    "nameOverride": string, "fullnameOverride": string,
    "image": {"type": "object", "additionalProperties": False, "required": ["repository"], "properties": {
        "registry": string,
        "repository": {"type": "string", "minLength": 1},
        "tag": {"type": "string"},
        "digest": {"type": "string", "pattern": "^(|sha256:[a-f0-9]{64})$"},
        "pullPolicy": {"type": "string", "enum": ["Always", "IfNotPresent", "Never"]}}},
    "imagePullSecrets": {"type": "array"},
    "replicaCount": {"type": "integer", "minimum": 1},
    "revisionHistoryLimit": {"type": "integer", "minimum": 0},
    "containerPort": {"type": "integer", "minimum": 1024, "maximum": 65535},
    "managementPort": {"type": "integer", "minimum": 1024, "maximum": 65535},
    "openapi": {"type": "object", "additionalProperties": False, "properties": {"enabled": {"type": "boolean"}}},
    "migration": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"},
        "backoffLimit": {"type": "integer", "minimum": 0},
        "activeDeadlineSeconds": {"type": "integer", "minimum": 0}}},
    "database": {"type": "object", "additionalProperties": False, "required": ["name"], "properties": {
        "name": {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"},
        "jdbcUrl": {"type": "string", "pattern": "^(|jdbc:postgresql://.+)$"},
        "username": string, "existingSecret": string,
        "passwordKey": {"type": "string", "minLength": 1}}},
    "jvmOptions": string,
    "jvm": {"type": "object", "additionalProperties": False, "properties": {"extraOptions": string}},
    "config": {"type": "object", "description": "non-secret environment variables",
        "propertyNames": {"pattern": "^[A-Z_][A-Z0-9_]*$", "not": {"pattern": "(PASSWORD|SECRET|TOKEN|CREDENTIAL)"}},
        "additionalProperties": {"type": ["string", "number", "boolean"]}},
    "extraEnv": {"type": "array", "items": {"type": "object", "required": ["name"],
        "not": {"required": ["value"], "properties": {"name": {"pattern": "(PASSWORD|SECRET|TOKEN|CREDENTIAL)"}}}}},
    "extraVolumes": {"type": "array"}, "extraVolumeMounts": {"type": "array"},
    "tmpSizeLimit": quantity,
    "resources": {"type": "object", "required": ["requests", "limits"], "properties": {
        "requests": {"type": "object", "required": ["cpu", "memory"], "properties": {"cpu": quantity, "memory": quantity}},
        "limits": {"type": "object", "required": ["cpu", "memory"], "properties": {"cpu": quantity, "memory": quantity}}}},
    "probes": {"type": "object", "additionalProperties": False, "required": ["startup", "liveness", "readiness"], "properties": {
        "startup": probe, "liveness": probe, "readiness": probe}},
    "podSecurityContext": {"type": "object", "required": ["runAsNonRoot"], "properties": {
        "runAsNonRoot": {"const": True, "description": "the services run as non-root"},
        "runAsUser": {"type": "integer", "minimum": 1}}},
    "securityContext": {"type": "object", "required": ["runAsNonRoot", "allowPrivilegeEscalation"], "properties": {
        "runAsNonRoot": {"const": True},
        "allowPrivilegeEscalation": {"const": False},
        "privileged": {"const": False},
        "readOnlyRootFilesystem": {"type": "boolean"}}},
    "terminationGracePeriodSeconds": {"type": "integer", "minimum": 0},
    "preStopSleepSeconds": {"type": "integer", "minimum": 0, "maximum": 60},
    "shutdownTimeout": {"type": "string", "pattern": "^[0-9]+(ms|s|m)$"},
    "priorityClassName": string,
    "topologySpread": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"},
        "topologyKeys": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "whenUnsatisfiable": {"type": "string", "enum": ["ScheduleAnyway", "DoNotSchedule"]}}},
    "podAnnotations": {"type": "object"}, "podLabels": {"type": "object"},
    "nodeSelector": {"type": "object"}, "tolerations": {"type": "array"}, "affinity": {"type": "object"},
    "serviceAccount": {"type": "object", "additionalProperties": False, "properties": {
        "create": {"type": "boolean"}, "name": string, "annotations": {"type": "object"}}},
    "service": {"type": "object", "additionalProperties": False, "properties": {
        "type": {"type": "string", "enum": ["ClusterIP", "NodePort", "LoadBalancer"]},
        "port": {"type": "integer", "minimum": 1, "maximum": 65535},
        "annotations": {"type": "object"}}},
    "podDisruptionBudget": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"},
        "maxUnavailable": {"type": ["integer", "string"]},
        "minAvailable": {"type": ["integer", "string"]}}},
    "autoscaling": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"},
        "minReplicas": {"type": "integer", "minimum": 1},
        "maxReplicas": {"type": "integer", "minimum": 1},
        "targetCPUUtilizationPercentage": {"type": "integer", "minimum": 1, "maximum": 100},
        "targetMemoryUtilizationPercentage": {"type": ["integer", "string"]}}},
    "federation": {"type": "object", "additionalProperties": False, "properties": {"centralUrl": url_or_empty}},
    # initiative-service only: it reads the realm's users (mail recipients) and sends mail
    "keycloakAdmin": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"}, "url": url_or_empty,
        "clientId": {"type": "string", "minLength": 1},
        "existingSecret": string, "clientSecretKey": {"type": "string", "minLength": 1}}},
    "mail": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"},
        "from": string,
        "portalUrl": url_or_empty,
        "smtp": {"type": "object", "additionalProperties": False, "properties": {
            "host": string, "port": {"type": "integer", "minimum": 1, "maximum": 65535},
            "startTls": {"type": "string", "enum": ["DISABLED", "OPTIONAL", "REQUIRED"]},
            "username": string, "existingSecret": string, "passwordKey": {"type": "string", "minLength": 1}}}},
      "if": {"properties": {"enabled": {"const": True}}, "required": ["enabled"]},
      "then": {"properties": {"from": {"minLength": 3}, "smtp": {"required": ["host"], "properties": {"host": {"minLength": 1, "description": "mail needs an SMTP server"}}}}}},
    "networkPolicy": {"type": "object", "additionalProperties": False, "properties": {"extraIngress": {"type": "array"}}},
    "ingress": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"}, "className": string, "annotations": {"type": "object"},
        # a service's Ingress routes the paths the chart chooses (/api, and the OpenAPI paths with openapi.enabled)
        "hosts": {"type": "array", "items": {"type": "object", "required": ["host"], "additionalProperties": False, "properties": {
            "host": {"type": "string", "minLength": 1}}}},
        "tls": {"type": "array", "items": {"type": "object", "required": ["secretName", "hosts"], "properties": {
            "secretName": {"type": "string", "minLength": 1}, "hosts": {"type": "array", "minItems": 1}}}}},
      "if": {"properties": {"enabled": {"const": True}}, "required": ["enabled"]},
      "then": {"properties": {"hosts": {"minItems": 1}, "tls": {"minItems": 1, "description": "an Ingress serves TLS only"}}, "required": ["hosts", "tls"]}},
    "httpRoute": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"},
        "parentRefs": {"type": "array", "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}}},
        "hostnames": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "annotations": {"type": "object"}},
      "if": {"properties": {"enabled": {"const": True}}, "required": ["enabled"]},
      "then": {"required": ["parentRefs"], "properties": {"parentRefs": {"minItems": 1, "description": "an HTTPRoute attaches to a Gateway"}}}},
    "serviceMonitor": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"},
        "interval": {"type": "string", "pattern": "^[0-9]+(ms|s|m|h)$"},
        "scrapeTimeout": {"type": "string", "pattern": "^[0-9]+(ms|s|m|h)$"},
        "labels": {"type": "object"}}},
  }
}


def image():
    return {"type": "object", "additionalProperties": False, "required": ["repository", "tag"], "properties": {
        "registry": string, "repository": {"type": "string", "minLength": 1}, "tag": {"type": "string", "minLength": 1},
        "pullPolicy": {"type": "string", "enum": ["Always", "IfNotPresent", "Never"]}}}
resources = service["properties"]["resources"]
podsec = {"type": "object", "required": ["runAsNonRoot"], "properties": {"runAsNonRoot": {"const": True}}}
consec = {"type": "object", "required": ["runAsNonRoot", "allowPrivilegeEscalation"], "properties": {
    "runAsNonRoot": {"const": True}, "allowPrivilegeEscalation": {"const": False}, "privileged": {"const": False}}}
SERVICES = ["initiative-service", "kpi-service", "budget-service"]
# an installed service chart that names its counterpart at central itself (or is not installed)
own_central_url = {"anyOf": [
    {"required": ["enabled"], "properties": {"enabled": {"const": False}}},
    {"required": ["federation"], "properties": {"federation": {"required": ["centralUrl"], "properties": {"centralUrl": {"minLength": 1}}}}}]}
sub = {"type": "object", "description": "values of the service chart (validated by its own schema)", "properties": {"enabled": {"type": "boolean"}}}
umbrella = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "NQ57 instance (umbrella chart) values",
  "type": "object",
  "required": ["global", "postgresql", "keycloak", "kafka"],
  "properties": {
    "global": glob,
    "initiative-service": sub, "kpi-service": sub, "budget-service": sub,
    "portal": {"type": "object", "description": "values of the portal chart (validated by its own schema)", "properties": {"enabled": {"type": "boolean"}}},
    "postgresql": {"type": "object", "additionalProperties": False, "required": ["enabled"], "properties": {
        "enabled": {"type": "boolean"},
        "image": image(),
        "databases": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"}},
        "persistence": {"type": "object", "additionalProperties": False, "properties": {
            "enabled": {"type": "boolean"}, "size": quantity, "storageClass": string}},
        "resources": resources, "podSecurityContext": podsec, "securityContext": consec}},
    "keycloak": {"type": "object", "additionalProperties": False, "required": ["enabled"], "properties": {
        "enabled": {"type": "boolean"},
        "replicas": {"type": "integer", "minimum": 1},
        "image": image(),
        "hostname": url_or_empty,
        "admin": {"type": "object", "additionalProperties": False, "properties": {
            "username": {"type": "string", "minLength": 1}, "existingSecret": string, "passwordKey": {"type": "string", "minLength": 1}}},
        "database": {"type": "object", "additionalProperties": False, "properties": {
            "jdbcUrl": {"type": "string", "pattern": "^(|jdbc:postgresql://.+)$"}, "username": string,
            "existingSecret": string, "passwordKey": {"type": "string", "minLength": 1}},
          "if": {"properties": {"jdbcUrl": {"minLength": 1}}, "required": ["jdbcUrl"]},
          "then": {"required": ["existingSecret", "username"], "properties": {"existingSecret": {"minLength": 1}, "username": {"minLength": 1}}}},
        "realm": {"type": "object", "additionalProperties": False, "properties": {
            "existingConfigMap": string, "existingSecret": string,
            "key": {"type": "string", "pattern": "^[A-Za-z0-9._-]+\\.json$"}, "json": string,
            "portalUrl": {"type": "string", "pattern": "^(|https?://[^\\s/?#]+/?)$"}}},
        "resources": resources, "podSecurityContext": podsec, "securityContext": consec,
        "ingress": {"type": "object", "additionalProperties": False, "properties": {
            "enabled": {"type": "boolean"}, "className": string, "annotations": {"type": "object"},
            "host": string, "tlsSecretName": string},
          "if": {"properties": {"enabled": {"const": True}}, "required": ["enabled"]},
          "then": {"properties": {"host": {"minLength": 1}, "tlsSecretName": {"minLength": 1}}}}}},
    "monitoring": {"type": "object", "additionalProperties": False, "properties": {
        "prometheusRule": {"type": "object", "additionalProperties": False, "properties": {
            "enabled": {"type": "boolean"}, "labels": {"type": "object"},
            "originLagSeconds": {"type": "integer", "minimum": 1}, "forwardPending": {"type": "integer", "minimum": 1},
            "forwardOldestSeconds": {"type": "integer", "minimum": 1}, "outboxOldestSeconds": {"type": "integer", "minimum": 1},
            "kafkaConsumerLag": {"type": "integer", "minimum": 1}}}}},
    "tests": {"type": "object", "additionalProperties": False, "properties": {
        "enabled": {"type": "boolean"}, "image": image(), "resources": resources,
        "podSecurityContext": podsec, "securityContext": consec}},
    "kafka": {"type": "object", "additionalProperties": False, "required": ["strimzi"], "properties": {
        "strimzi": {"type": "object", "additionalProperties": False, "required": ["enabled"], "properties": {
            "enabled": {"type": "boolean"},
            "version": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$"},
            "replicas": {"type": "integer", "minimum": 1},
            "storage": {"type": "object", "additionalProperties": False, "properties": {"size": quantity, "storageClass": string}},
            "resources": resources,
            "entityOperator": {"type": "object", "additionalProperties": False, "properties": {"resources": resources}},
            "topics": {"type": "object", "additionalProperties": False, "properties": {
                "partitions": {"type": "integer", "minimum": 1},
                "retentionMs": {"type": "integer", "minimum": -1}}}}},
        "topicsJob": {"type": "object", "additionalProperties": False, "properties": {
            "enabled": {"type": "boolean"}, "image": image(),
            "partitions": {"type": "integer", "minimum": 1},
            "replicationFactor": {"type": "integer", "minimum": 1},
            "minInsyncReplicas": {"type": "integer", "minimum": 1},
            "retentionMs": {"type": "integer", "minimum": -1},
            "existingSecret": string, "configKey": {"type": "string", "pattern": "^[A-Za-z0-9._-]+$"},
            "backoffLimit": {"type": "integer", "minimum": 0},
            "resources": resources, "podSecurityContext": podsec, "securityContext": consec}}}},
  },
  "allOf": [
    {"if": {"properties": {"postgresql": {"properties": {"enabled": {"const": False}}}}},
     "then": {"properties": {"global": {"properties": {"postgresql": {"required": ["host", "existingSecret"], "properties": {
        "host": {"minLength": 1, "description": "without the bundled PostgreSQL, the host of yours"},
        "existingSecret": {"minLength": 1}}}}}}}},
    {"if": {"properties": {"global": {"required": ["instance"], "properties": {"instance": {"required": ["role"], "properties": {"role": {"const": "ministry"}}}}}}},
     "then": {"if": {"properties": {svc: own_central_url for svc in SERVICES}},
              "else": {"properties": {"global": {"required": ["federation"], "properties": {"federation": {"required": ["centralUrl"], "properties": {
                 "centralUrl": {"minLength": 1, "description": "a ministry needs the URL of each service at central: <service>.federation.centralUrl, or this for the services without one"}}}}}}}}},
    {"if": {"properties": {"keycloak": {"properties": {"enabled": {"const": False}}}}},
     "then": {"properties": {"global": {"properties": {"oidc": {"required": ["issuerUrl"], "properties": {
        "issuerUrl": {"minLength": 1}}}}}}}},
    {"if": {"properties": {"kafka": {"properties": {"strimzi": {"properties": {"enabled": {"const": False}}}}}}},
     "then": {"properties": {"global": {"properties": {"kafka": {"required": ["bootstrapServers"], "properties": {
        "bootstrapServers": {"minLength": 1}}}}}}}},
  ]
}
# A ministry's service needs the URL of its counterpart at central: its own federation.centralUrl or the global one.
service["allOf"] = [
    {"if": {"properties": {"global": {"required": ["profile", "instance"], "properties": {
        "profile": {"const": "production"}, "instance": {"properties": {"role": {"const": "ministry"}}}}}}},
     "then": {"properties": {"federation": {"properties": {"centralUrl": {"pattern": "^(|https://\\S+)$",
        "description": "production: the service at central over HTTPS only"}}}}}},
    {"if": {"properties": {"global": {"required": ["instance"], "properties": {
        "instance": {"required": ["role"], "properties": {"role": {"const": "ministry"}}},
        "federation": {"properties": {"centralUrl": {"maxLength": 0}}}}}}},
     "then": {"required": ["federation"], "properties": {"federation": {"required": ["centralUrl"], "properties": {
        "centralUrl": {"minLength": 1, "description": "a ministry's service needs the URL of the same service at central (or global.federation.centralUrl)"}}}}}}
]
service["properties"]["enabled"] = {"type": "boolean", "description": "used by the umbrella chart's condition"}

# The portal: the service chart's deployment values, no database, Kafka or federation of its own; its client secret
# and session secret come from a Secret only, and every key is known (a typo is refused, not ignored).
portal = json.loads(json.dumps(service))
portal["title"] = "NQ57 portal chart values"
portal["additionalProperties"] = False
portal["required"] = ["component", "global", "image", "replicaCount", "containerPort", "oidc", "api", "resources", "probes", "podSecurityContext", "securityContext"]
pp = portal["properties"]
for key in ("database", "federation", "keycloakAdmin", "mail"):
    del pp[key]
pp["component"] = {"type": "object", "additionalProperties": False, "required": ["kind"], "properties": {"kind": {"const": "portal"}}}
pp["oidc"] = {"type": "object", "additionalProperties": False,
    "description": "The portal's client in the realm. The client secret and the session secret come from existingSecret, never from values.",
    "required": ["clientId", "clientSecretKey", "sessionSecretKey"], "properties": {
    "clientId": {"type": "string", "minLength": 1},
    "existingSecret": string,
    "clientSecretKey": {"type": "string", "minLength": 1},
    "sessionSecretKey": {"type": "string", "minLength": 1}}}
pp["api"] = {"type": "object", "additionalProperties": False, "properties": {
    "initiativeUrl": url_or_empty, "kpiUrl": url_or_empty, "budgetUrl": url_or_empty}}
pp["publicUrl"] = {"type": "string", "pattern": "^(|https?://[^\\s/?#]+/?)$", "description": "scheme and host (and port) only, e.g. https://portal.nq57.gov.vn"}
pp["cookieSecure"] = {"type": "boolean"}
del pp["openapi"]
del pp["migration"]
# the portal is a web application: its Ingress routes the paths its values name (`/`)
pp["ingress"]["properties"]["hosts"] = {"type": "array", "items": {"type": "object", "required": ["host", "paths"], "properties": {
    "host": {"type": "string", "minLength": 1},
    "paths": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["path", "pathType"], "properties": {
        "path": {"type": "string", "pattern": "^/"},
        "pathType": {"type": "string", "enum": ["Prefix", "Exact", "ImplementationSpecific"]}}}}}}}
# Helm adds the library chart's (empty) values under its name
pp["nq57-common"] = {"type": "object", "description": "the library chart nq57-common has no values"}
pp["networkPolicy"] = {"type": "object", "additionalProperties": False, "properties": {
    "extraIngress": {"type": "array"},
    "extraEgress": {"type": "array", "items": {"type": "object", "properties": {"to": {"type": "array"}, "ports": {"type": "array"}}, "additionalProperties": False}}}}
portal["allOf"] = [
    {"if": {"properties": {"ingress": {"required": ["enabled"], "properties": {"enabled": {"const": True}}}}, "required": ["ingress"]},
     "then": {"properties": {"cookieSecure": {"const": True, "description": "behind the Ingress (TLS only) the session cookie is Secure"}}}}
]

if __name__ == "__main__":
    helm = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    for svc in SERVICES:
        with open(os.path.join(helm, "charts", svc, "values.schema.json"), "w") as f:
            json.dump(service, f, indent=2)
            f.write("\n")
    with open(os.path.join(helm, "charts", "portal", "values.schema.json"), "w") as f:
        json.dump(portal, f, indent=2)
        f.write("\n")
    with open(os.path.join(helm, "nq57", "values.schema.json"), "w") as f:
        json.dump(umbrella, f, indent=2)
        f.write("\n")
