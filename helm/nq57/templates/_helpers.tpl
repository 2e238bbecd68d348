{{- define "nq57.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of a bundled component; call with (dict "component" "postgresql" "context" $). */}}
{{- define "nq57.labels" -}}
helm.sh/chart: {{ include "nq57.chart" .context }}
{{ include "nq57.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
app.kubernetes.io/part-of: nq57
nq57.gov.vn/instance: {{ .context.Values.global.instance.id | quote }}
{{- end -}}

{{- define "nq57.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
{{- end -}}

{{/* Pods of this release that may use the bundled PostgreSQL, Kafka and Keycloak: the services and Keycloak. */}}
{{- define "nq57.clientPodSelector" -}}
matchLabels:
  app.kubernetes.io/part-of: nq57
  app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "nq57.postgresql.fullname" -}}
{{- printf "%s-postgresql" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nq57.postgresql.secretName" -}}
{{- default (include "nq57.postgresql.fullname" .) .Values.global.postgresql.existingSecret -}}
{{- end -}}

{{- define "nq57.keycloak.fullname" -}}
{{- printf "%s-keycloak" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nq57.kafka.clusterName" -}}
{{- printf "%s-kafka" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "nq57.image" -}}
{{- $registry := default .global.imageRegistry .image.registry -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .image.repository .image.tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository .image.tag -}}
{{- end -}}
{{- end -}}

{{- define "nq57.hasApi" -}}
{{- $ctx := .context -}}
{{- if or ($ctx.Capabilities.APIVersions.Has .api) (has .api (default (list) $ctx.Values.global.apiVersions)) -}}
true
{{- end -}}
{{- end -}}

{{/*
Whether the Strimzi resources are rendered: kafka.strimzi.enabled. The cluster must then serve kafka.strimzi.io/v1
(Strimzi 0.49 or newer), or global.apiVersions must list it; otherwise the chart fails rather than install services
waiting for a Kafka that nobody creates.
*/}}
{{- define "nq57.kafka.strimzi" -}}
{{- if .Values.kafka.strimzi.enabled -}}
{{- if not (include "nq57.hasApi" (dict "api" "kafka.strimzi.io/v1" "context" .)) -}}
{{- fail "kafka.strimzi.enabled=true but the cluster does not serve kafka.strimzi.io/v1: install the Strimzi operator 0.49 or newer (with its CRDs), or, where the renderer cannot see the cluster (helm template, Argo CD), list the API in global.apiVersions (--set 'global.apiVersions={kafka.strimzi.io/v1}'); or set kafka.strimzi.enabled=false and global.kafka.bootstrapServers" -}}
{{- end -}}
true
{{- end -}}
{{- end -}}

{{/* The topics the services publish to and read (each service's application.properties). */}}
{{- define "nq57.kafka.topics" -}}
- nq57.initiatives.v1
- nq57.kpi.v1
- nq57.budget.v1
{{- end -}}

{{/* A password kept across upgrades: the existing Secret's value, or a new random one. */}}
{{- define "nq57.keptPassword" -}}
{{- $secret := lookup "v1" "Secret" .context.Release.Namespace .name -}}
{{- if and $secret $secret.data (hasKey $secret.data .key) -}}
{{- index $secret.data .key -}}
{{- else -}}
{{- randAlphaNum 32 | b64enc -}}
{{- end -}}
{{- end -}}

{{/*
Where the bundled Keycloak's realm comes from: a given ConfigMap (configMap), a given Secret or keycloak.realm.json
(secret), else the chart's production realm files/realm-nq57-production.json (production), whose placeholders the
Keycloak container resolves from its environment.
*/}}
{{- define "nq57.realmSource" -}}
{{- $r := .Values.keycloak.realm -}}
{{- if $r.existingConfigMap -}}configMap{{- else if or $r.existingSecret $r.json -}}secret{{- else -}}production{{- end -}}
{{- end -}}

{{/* The chart's production realm (no users, no secrets: placeholders). */}}
{{- define "nq57.productionRealm" -}}
{{- .Files.Get "files/realm-nq57-production.json" -}}
{{- end -}}

{{/*
The portal's public URL for the production realm's redirect URIs and web origins (NQ57_PORTAL_URL):
keycloak.realm.portalUrl, else the portal's own (portal.publicUrl or https://<first portal Ingress host>); in the dev
profile http://127.0.0.1:8080 (a port-forward) when neither is set.
*/}}
{{- define "nq57.keycloak.portalUrl" -}}
{{- $portal := dict "Values" (dict "publicUrl" (dig "publicUrl" "" (default dict .Values.portal)) "ingress" (dig "ingress" (dict "enabled" false) (default dict .Values.portal))) -}}
{{- $url := default (include "nq57-common.portal.publicUrl" $portal) (.Values.keycloak.realm.portalUrl | trimSuffix "/") -}}
{{- if and (not $url) (eq .Values.global.profile "dev") -}}
{{- $url = "http://127.0.0.1:8080" -}}
{{- end -}}
{{- $url -}}
{{- end -}}

{{/* The Secret (and key) with the portal's client secret, as the portal chart reads it. */}}
{{- define "nq57.portal.secretName" -}}
{{- default (printf "%s-portal" .Release.Name) (dig "oidc" "existingSecret" "" (default dict .Values.portal)) -}}
{{- end -}}
{{- define "nq57.portal.secretKey" -}}
{{- dig "oidc" "clientSecretKey" "client-secret" (default dict .Values.portal) -}}
{{- end -}}

{{/* The Secret (and key) with initiative-service's client secret, as initiative-service reads it. */}}
{{- define "nq57.serviceClient.secretName" -}}
{{- default (printf "%s-initiative-service" .Release.Name) (dig "keycloakAdmin" "existingSecret" "" (default dict (index .Values "initiative-service"))) -}}
{{- end -}}
{{- define "nq57.serviceClient.secretKey" -}}
{{- dig "keycloakAdmin" "clientSecretKey" "client-secret" (default dict (index .Values "initiative-service")) -}}
{{- end -}}

{{/*
(ministry) The URL a service of this release reports to at central, as its chart computes it (nq57-common's
federationCentralUrl): its own federation.centralUrl, else global.federation.centralUrl. Call with
(dict "service" "kpi-service" "context" $).
*/}}
{{- define "nq57.federationCentralUrl" -}}
{{- $v := index .context.Values .service -}}
{{- $own := "" -}}
{{- with $v.federation }}{{ $own = .centralUrl }}{{ end -}}
{{- default .context.Values.global.federation.centralUrl $own | trimSuffix "/" -}}
{{- end -}}

{{/*
The in-cluster URL at which this release serves a service, as its chart names its Service (nq57-common.fullname)
and with its service.port. Call with (dict "service" "kpi-service" "context" $).
*/}}
{{- define "nq57.serviceUrl" -}}
{{- $v := index .context.Values .service -}}
{{- $release := .context.Release.Name -}}
{{- $name := "" -}}
{{- if $v.fullnameOverride -}}
{{- $name = $v.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $n := default .service $v.nameOverride -}}
{{- $name = ternary $release (printf "%s-%s" $release $n) (contains $n $release) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- printf "http://%s:%v" $name $v.service.port -}}
{{- end -}}

