{{/*
Who may reach a pod: the ingress controller and Prometheus, on the HTTP port, and, for a service, this release's
portal (it calls the APIs as the signed-in user), plus what networkPolicy.extraIngress adds. The services never call
each other (events carry what they need). With global.networkPolicy.egress.enabled the pods may connect only to DNS,
this release's parts (a service: PostgreSQL, Keycloak, Kafka; the portal: the three services and Keycloak) and the
listed destinations.
*/}}
{{- define "nq57-common.networkpolicy" -}}
{{- $np := .Values.global.networkPolicy -}}
{{- $portal := eq (include "nq57-common.kind" .) "portal" -}}
{{- if $np.enabled -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "nq57-common.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "nq57-common.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    {{- if $np.egress.enabled }}
    - Egress
    {{- end }}
  ingress:
    # the ingress controller, to the API (or the portal's pages) only
    - from:
        - namespaceSelector:
            {{- toYaml $np.ingressController.namespaceSelector | nindent 12 }}
          {{- with $np.ingressController.podSelector }}
          podSelector:
            {{- toYaml . | nindent 12 }}
          {{- end }}
      ports:
        - port: http
          protocol: TCP
    # Prometheus, to the management interface (/q/metrics) only
    - from:
        - namespaceSelector:
            {{- toYaml $np.monitoring.namespaceSelector | nindent 12 }}
          {{- with $np.monitoring.podSelector }}
          podSelector:
            {{- toYaml . | nindent 12 }}
          {{- end }}
      ports:
        - port: management
          protocol: TCP
    {{- if not $portal }}
    # this release's portal, calling the API as the signed-in user
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ .Release.Name }}
              app.kubernetes.io/component: portal
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    {{- with .Values.networkPolicy.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- if $np.egress.enabled }}
  egress:
    # DNS
    - to:
        - namespaceSelector:
            {{- toYaml $np.egress.dnsNamespaceSelector | nindent 12 }}
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    {{- if $portal }}
    {{- include "nq57-common.portal.egress" . | nindent 4 }}
    {{- else }}
    # this release's PostgreSQL and Keycloak, when bundled
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: nq57
              app.kubernetes.io/instance: {{ .Release.Name }}
    # this release's Strimzi Kafka, when bundled
    - to:
        - podSelector:
            matchLabels:
              strimzi.io/cluster: {{ printf "%s-kafka" .Release.Name | trunc 40 | trimSuffix "-" }}
    {{- end }}
    {{- with $np.egress.extra }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/*
The paths an Ingress host routes: a service's API (/api) and, with openapi.enabled, its contract (/q/openapi,
/q/swagger-ui), never the rest of /q/ (health, metrics: the management port); the portal's, the paths its values name.
Call with (dict "host" <ingress.hosts entry> "context" $); gives a YAML list.
*/}}
{{- define "nq57-common.ingressPaths" -}}
{{- if eq (include "nq57-common.kind" .context) "portal" -}}
{{- toYaml .host.paths -}}
{{- else -}}
- path: /api
  pathType: Prefix
{{- if .context.Values.openapi.enabled }}
- path: /q/openapi
  pathType: Prefix
- path: /q/swagger-ui
  pathType: Prefix
{{- end }}
{{- end -}}
{{- end -}}

{{- define "nq57-common.ingress" -}}
{{- if .Values.ingress.enabled -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "nq57-common.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
  {{- with .Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with .Values.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  tls:
    {{- toYaml .Values.ingress.tls | nindent 4 }}
  rules:
    {{- range .Values.ingress.hosts }}
    - host: {{ .host | quote }}
      http:
        paths:
          {{- range (include "nq57-common.ingressPaths" (dict "host" . "context" $) | fromYamlArray) }}
          - path: {{ .path }}
            pathType: {{ .pathType }}
            backend:
              service:
                name: {{ include "nq57-common.fullname" $ }}
                port:
                  name: http
          {{- end }}
    {{- end }}
{{- end -}}
{{- end -}}

{{/* A Gateway API HTTPRoute with the Ingress's paths (a service's /api, the portal's /), to the HTTP port. */}}
{{- define "nq57-common.httproute" -}}
{{- if .Values.httpRoute.enabled -}}
{{- if not (include "nq57-common.hasApi" (dict "api" "gateway.networking.k8s.io/v1" "context" .)) -}}
{{- fail "httpRoute.enabled=true but the cluster does not serve gateway.networking.k8s.io/v1: install the Gateway API CRDs, or list the API in global.apiVersions where the renderer cannot see the cluster" -}}
{{- end -}}
{{- $paths := list -}}
{{- if eq (include "nq57-common.kind" .) "portal" -}}
{{- $paths = list (dict "path" "/") -}}
{{- else -}}
{{- $paths = include "nq57-common.ingressPaths" (dict "host" dict "context" .) | fromYamlArray -}}
{{- end -}}
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: {{ include "nq57-common.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
  {{- with .Values.httpRoute.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  parentRefs:
    {{- toYaml .Values.httpRoute.parentRefs | nindent 4 }}
  {{- with .Values.httpRoute.hostnames }}
  hostnames:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  rules:
    - matches:
        {{- range $paths }}
        - path:
            type: PathPrefix
            value: {{ .path }}
        {{- end }}
      backendRefs:
        - name: {{ include "nq57-common.fullname" . }}
          port: {{ .Values.service.port }}
{{- end -}}
{{- end -}}

{{- define "nq57-common.servicemonitor" -}}
{{- if and .Values.serviceMonitor.enabled (include "nq57-common.hasApi" (dict "api" "monitoring.coreos.com/v1" "context" .)) -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "nq57-common.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
    {{- with .Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "nq57-common.selectorLabels" . | nindent 6 }}
  namespaceSelector:
    matchNames:
      - {{ .Release.Namespace }}
  endpoints:
    - port: management
      path: /q/metrics
      interval: {{ .Values.serviceMonitor.interval }}
      scrapeTimeout: {{ .Values.serviceMonitor.scrapeTimeout }}
{{- end -}}
{{- end -}}
