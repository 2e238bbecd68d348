{{/*
The non-secret configuration of a service or the portal, given to the container as environment variables.
The Deployment's pod template carries its checksum, so a changed value rolls the pods.
*/}}
{{- define "nq57-common.configmap" -}}
{{- include "nq57-common.validate" . -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "nq57-common.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
data:
  {{- if eq (include "nq57-common.kind" .) "portal" }}
  {{- include "nq57-common.portal.config" . | nindent 2 }}
  {{- else }}
  {{- include "nq57-common.api.config" . | nindent 2 }}
  {{- end }}
  NQ57_MANAGEMENT_PORT: {{ .Values.managementPort | quote }}
  {{- with include "nq57-common.javaToolOptions" . }}
  JAVA_TOOL_OPTIONS: {{ . | quote }}
  {{- end }}
  {{- range $key, $value := .Values.config }}
  {{ $key }}: {{ $value | toString | quote }}
  {{- end }}
{{- end -}}

{{/* The settings of a service (initiative, kpi, budget). */}}
{{- define "nq57-common.api.config" -}}
QUARKUS_HTTP_PORT: {{ .Values.containerPort | quote }}
{{ .Values.component.databaseUrlEnv }}: {{ include "nq57-common.databaseUrl" . | quote }}
NQ57_DB_USER: {{ include "nq57-common.databaseUsername" . | quote }}
NQ57_INSTANCE_ID: {{ .Values.global.instance.id | quote }}
NQ57_INSTANCE_ROLE: {{ .Values.global.instance.role | quote }}
NQ57_OIDC_ISSUER: {{ include "nq57-common.oidcIssuer" . | quote }}
NQ57_OIDC_JWKS: {{ include "nq57-common.oidcJwks" . | quote }}
NQ57_KAFKA_BOOTSTRAP: {{ include "nq57-common.kafkaBootstrap" . | quote }}
QUARKUS_SHUTDOWN_TIMEOUT: {{ .Values.shutdownTimeout | quote }}
{{- if include "nq57-common.migrationJob.enabled" . }}
# the hook Job migrated the database as its owner; this service runs with data rights only
QUARKUS_FLYWAY_MIGRATE_AT_START: "false"
{{- else }}
QUARKUS_FLYWAY_MIGRATE_AT_START: "true"
{{- end }}
QUARKUS_SMALLRYE_OPENAPI_ENABLED: {{ .Values.openapi.enabled | toString | quote }}
QUARKUS_SWAGGER_UI_ENABLED: {{ .Values.openapi.enabled | toString | quote }}
{{- with .Values.keycloakAdmin }}
{{- if .enabled }}
NQ57_KEYCLOAK_URL: {{ include "nq57-common.keycloakUrl" $ | quote }}
NQ57_SERVICE_CLIENT_ID: {{ .clientId | quote }}
{{- end }}
{{- end }}
{{- with .Values.mail }}
NQ57_MAIL_ENABLED: {{ .enabled | toString | quote }}
{{- if .enabled }}
NQ57_MAIL_FROM: {{ .from | quote }}
NQ57_SMTP_HOST: {{ .smtp.host | quote }}
NQ57_SMTP_PORT: {{ .smtp.port | toString | quote }}
NQ57_SMTP_STARTTLS: {{ .smtp.startTls | quote }}
{{- with .smtp.username }}
NQ57_SMTP_USER: {{ . | quote }}
{{- end }}
{{- with .portalUrl }}
NQ57_PORTAL_PUBLIC_URL: {{ . | trimSuffix "/" | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .Values.global.instance.role "ministry" }}
{{- $f := .Values.global.federation }}
NQ57_FEDERATION_CENTRAL_URL: {{ include "nq57-common.federationCentralUrl" . | quote }}
NQ57_FEDERATION_TOKEN_URL: {{ $f.tokenUrl | quote }}
NQ57_FEDERATION_CLIENT_ID: {{ $f.clientId | quote }}
NQ57_FEDERATION_INTAKE_ENABLED: "false"
{{- with $f.forwardInterval }}
NQ57_FEDERATION_FORWARD_INTERVAL: {{ . | quote }}
{{- end }}
{{- with $f.catalogInterval }}
NQ57_FEDERATION_CATALOG_INTERVAL: {{ . | quote }}
{{- end }}
{{- with $f.batchSize }}
NQ57_FEDERATION_BATCH_SIZE: {{ . | toString | quote }}
{{- end }}
{{- with $f.tokenRefreshMargin }}
NQ57_FEDERATION_TOKEN_REFRESH_MARGIN: {{ . | quote }}
{{- end }}
{{- with $f.maxBackoff }}
NQ57_FEDERATION_MAX_BACKOFF: {{ . | quote }}
{{- end }}
{{- else }}
NQ57_FEDERATION_INTAKE_ENABLED: {{ .Values.global.federation.intakeEnabled | toString | quote }}
{{- end }}
{{- end -}}
