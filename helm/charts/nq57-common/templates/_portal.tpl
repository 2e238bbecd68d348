{{/*
The parts of the portal chart (component.kind: portal) that differ from a service's: its settings, its secrets and
where it may connect. The portal is a backend-for-frontend: it signs users in at the realm (authorization code flow
with PKCE, confidential client) and calls the three services of its release with the user's token. It owns no
database and no Kafka; its sessions live in encrypted cookies, so every replica must share the session secret.
*/}}

{{/* Base URL of a service of this release as the portal calls it: api.<name>Url, else the service's in-cluster
Service as its chart names it (nq57-common.fullname) on its default port. Call with (dict "api" "kpi" "context" $). */}}
{{- define "nq57-common.portal.apiUrl" -}}
{{- $ports := dict "initiative" 8081 "kpi" 8082 "budget" 8083 -}}
{{- $url := index .context.Values.api (printf "%sUrl" .api) -}}
{{- if $url -}}
{{- $url | trimSuffix "/" -}}
{{- else -}}
{{- $release := .context.Release.Name -}}
{{- $service := printf "%s-service" .api -}}
{{- $name := ternary $release (printf "%s-%s" $release $service) (contains $service $release) | trunc 63 | trimSuffix "-" -}}
{{- printf "http://%s:%v" $name (index $ports .api) -}}
{{- end -}}
{{- end -}}

{{/* The portal's external base URL (redirect URIs): publicUrl, else https://<first Ingress host>, else none. */}}
{{- define "nq57-common.portal.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- .Values.publicUrl | trimSuffix "/" -}}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts -}}
{{- printf "https://%s" (first .Values.ingress.hosts).host -}}
{{- end -}}
{{- end -}}

{{/* The Secret with the client secret and the optional session secret: oidc.existingSecret, else <release>-portal. */}}
{{- define "nq57-common.portal.secretName" -}}
{{- default (printf "%s-portal" .Release.Name) .Values.oidc.existingSecret -}}
{{- end -}}

{{- define "nq57-common.portal.config" -}}
NQ57_PORTAL_PORT: {{ .Values.containerPort | quote }}
NQ57_INSTANCE_ID: {{ .Values.global.instance.id | quote }}
NQ57_INSTANCE_ROLE: {{ .Values.global.instance.role | quote }}
NQ57_OIDC_ISSUER: {{ include "nq57-common.oidcIssuer" . | quote }}
NQ57_PORTAL_CLIENT_ID: {{ .Values.oidc.clientId | quote }}
NQ57_PORTAL_COOKIE_SECURE: {{ .Values.cookieSecure | toString | quote }}
{{- with include "nq57-common.portal.publicUrl" . }}
NQ57_PORTAL_PUBLIC_URL: {{ . | quote }}
{{- end }}
NQ57_INITIATIVE_URL: {{ include "nq57-common.portal.apiUrl" (dict "api" "initiative" "context" .) | quote }}
NQ57_KPI_URL: {{ include "nq57-common.portal.apiUrl" (dict "api" "kpi" "context" .) | quote }}
NQ57_BUDGET_URL: {{ include "nq57-common.portal.apiUrl" (dict "api" "budget" "context" .) | quote }}
QUARKUS_SHUTDOWN_TIMEOUT: {{ .Values.shutdownTimeout | quote }}
{{- end -}}

{{/* Both secrets from one Secret: every replica decrypts every replica's session cookie. */}}
{{- define "nq57-common.portal.secretEnv" -}}
- name: NQ57_PORTAL_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "nq57-common.portal.secretName" . | quote }}
      key: {{ .Values.oidc.clientSecretKey | quote }}
- name: NQ57_PORTAL_SESSION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "nq57-common.portal.secretName" . | quote }}
      key: {{ .Values.oidc.sessionSecretKey | quote }}
      optional: true
{{- end -}}

{{/* Where the portal may connect when egress is restricted (besides DNS and global.networkPolicy.egress.extra). */}}
{{- define "nq57-common.portal.egress" -}}
# this release's services (initiative, kpi, budget)
- to:
    - podSelector:
        matchLabels:
          app.kubernetes.io/instance: {{ .Release.Name }}
          app.kubernetes.io/component: api
  ports:
    - port: http
      protocol: TCP
# this release's Keycloak, when bundled (discovery, keys, tokens)
- to:
    - podSelector:
        matchLabels:
          app.kubernetes.io/instance: {{ .Release.Name }}
          app.kubernetes.io/name: keycloak
  ports:
    - port: http
      protocol: TCP
{{- with .Values.networkPolicy.extraEgress }}
{{ toYaml . }}
{{- end }}
{{- end -}}
