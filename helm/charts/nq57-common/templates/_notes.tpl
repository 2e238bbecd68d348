{{- define "nq57-common.notes" -}}
{{ .Chart.Name }} {{ include "nq57-common.imageTag" . }} installed as {{ include "nq57-common.fullname" . }} in namespace {{ .Release.Namespace }}
  instance:  {{ .Values.global.instance.id }} ({{ .Values.global.instance.role }})
  image:     {{ include "nq57-common.image" . }}
  database:  {{ include "nq57-common.databaseUrl" . }} (password from Secret {{ include "nq57-common.databaseSecretName" . }})
  kafka:     {{ include "nq57-common.kafkaBootstrap" . }}
  issuer:    {{ include "nq57-common.oidcIssuer" . }}
{{- if eq .Values.global.instance.role "ministry" }}
  central:   {{ include "nq57-common.federationCentralUrl" . }} (this service at central: POST /api/v1/federation/events{{ if ne .Chart.Name "budget-service" }}, GET /api/v1/federation/catalog{{ end }})
  client:    {{ .Values.global.federation.clientId }}, token from {{ .Values.global.federation.tokenUrl }} (secret from Secret {{ .Values.global.federation.existingSecret }}, key {{ .Values.global.federation.clientSecretKey }})
  federation health: GET /api/v1/federation/health with a ministry-admin token; metrics nq57_federation_forward_pending, nq57_federation_forward_oldest_pending_seconds
{{- else }}
  federation intake (ministries' events at POST /api/v1/federation/events): {{ ternary "ON" "OFF" .Values.global.federation.intakeEnabled }}
{{- end }}
{{- if .Values.ingress.enabled }}
  API:       {{ range .Values.ingress.hosts }}https://{{ .host }}/api/v1 {{ end }}
{{- else }}
  API:       kubectl -n {{ .Release.Namespace }} port-forward svc/{{ include "nq57-common.fullname" . }} {{ .Values.service.port }}:{{ .Values.service.port }}
             then http://127.0.0.1:{{ .Values.service.port }}/api/v1{{ if .Values.openapi.enabled }} (contract: /q/swagger-ui){{ end }}
{{- end }}
{{- if and .Values.serviceMonitor.enabled (not (include "nq57-common.hasApi" (dict "api" "monitoring.coreos.com/v1" "context" .))) }}
  WARNING: serviceMonitor.enabled=true but the cluster does not serve monitoring.coreos.com/v1; no ServiceMonitor was created.
{{- end }}
{{- end -}}
