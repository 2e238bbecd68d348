{{/*
Names and labels. Every helper takes the chart context (.) of the service chart that includes it.
*/}}
{{- define "nq57-common.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nq57-common.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "nq57-common.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nq57-common.selectorLabels" -}}
app.kubernetes.io/name: {{ include "nq57-common.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "nq57-common.labels" -}}
helm.sh/chart: {{ include "nq57-common.chart" . }}
{{ include "nq57-common.selectorLabels" . }}
app.kubernetes.io/version: {{ include "nq57-common.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: nq57
app.kubernetes.io/component: {{ include "nq57-common.kind" . }}
nq57.gov.vn/instance: {{ .Values.global.instance.id | quote }}
{{- end -}}

{{/*
What the including chart deploys: `api` (a service: initiative, kpi, budget) or `portal` (the web portal, a client
of the services), from component.kind (the service charts leave it out). It is also the pods'
app.kubernetes.io/component label, by which the services' NetworkPolicies admit the portal.
*/}}
{{- define "nq57-common.kind" -}}
{{- $kind := "" -}}
{{- with .Values.component }}{{ $kind = .kind }}{{ end -}}
{{- default "api" $kind -}}
{{- end -}}

{{- define "nq57-common.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "nq57-common.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The image reference: registry/repository:tag or registry/repository@digest. */}}
{{- define "nq57-common.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}

{{- define "nq57-common.image" -}}
{{- $registry := default .Values.global.imageRegistry .Values.image.registry -}}
{{- $repo := ternary (printf "%s/%s" $registry .Values.image.repository) .Values.image.repository (ne $registry "") -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repo .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (include "nq57-common.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/*
Whether the cluster serves an API group/version. The renderer cannot see a cluster in `helm template`
or in some GitOps tools, so versions listed in global.apiVersions count as served too.
Usage: include "nq57-common.hasApi" (dict "api" "monitoring.coreos.com/v1" "context" $)  -> "true" or ""
*/}}
{{- define "nq57-common.hasApi" -}}
{{- $ctx := .context -}}
{{- if or ($ctx.Capabilities.APIVersions.Has .api) (has .api (default (list) $ctx.Values.global.apiVersions)) -}}
true
{{- end -}}
{{- end -}}

{{/*
Whether the cluster runs Kubernetes >= version: global.kubeVersion when set (helm template, GitOps), else the
renderer's .Capabilities.KubeVersion. Usage: include "nq57-common.kubeAtLeast" (dict "version" "1.30" "context" $)
*/}}
{{- define "nq57-common.kubeAtLeast" -}}
{{- $v := default .context.Capabilities.KubeVersion.Version .context.Values.global.kubeVersion -}}
{{- if semverCompare (printf ">=%s-0" .version) $v -}}
true
{{- end -}}
{{- end -}}

{{/*
Connection settings. An empty global value means "the bundled one of the nq57 umbrella release":
PostgreSQL <release>-postgresql, Kafka <release>-kafka-kafka-bootstrap:9092 (Strimzi), Keycloak <release>-keycloak.
*/}}
{{- define "nq57-common.databaseUrl" -}}
{{- if .Values.database.jdbcUrl -}}
{{- .Values.database.jdbcUrl -}}
{{- else -}}
{{- $pg := .Values.global.postgresql -}}
{{- $host := default (printf "%s-postgresql" .Release.Name) $pg.host -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" $host $pg.port .Values.database.name -}}
{{- if $pg.jdbcParameters -}}
{{- printf "%s?%s" $url $pg.jdbcParameters -}}
{{- else -}}
{{- $url -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "nq57-common.databaseUsername" -}}
{{- default .Values.global.postgresql.username .Values.database.username -}}
{{- end -}}

{{- define "nq57-common.databaseSecretName" -}}
{{- default (default (printf "%s-postgresql" .Release.Name) .Values.global.postgresql.existingSecret) .Values.database.existingSecret -}}
{{- end -}}

{{- define "nq57-common.databaseSecretKey" -}}
{{- if .Values.database.existingSecret -}}
{{- .Values.database.passwordKey -}}
{{- else -}}
{{- .Values.global.postgresql.passwordKey -}}
{{- end -}}
{{- end -}}

{{- define "nq57-common.kafkaBootstrap" -}}
{{- default (printf "%s-kafka-kafka-bootstrap:9092" .Release.Name) .Values.global.kafka.bootstrapServers -}}
{{- end -}}

{{- define "nq57-common.oidcIssuer" -}}
{{- default (printf "http://%s-keycloak:8080/realms/nq57" .Release.Name) .Values.global.oidc.issuerUrl -}}
{{- end -}}

{{/* Keycloak's base URL for initiative-service's admin API: keycloakAdmin.url, else the issuer's base URL. */}}
{{- define "nq57-common.keycloakUrl" -}}
{{- if .Values.keycloakAdmin.url -}}
{{- .Values.keycloakAdmin.url | trimSuffix "/" -}}
{{- else if .Values.global.oidc.bundledKeycloak -}}
{{- printf "http://%s-keycloak:8080" .Release.Name -}}
{{- else -}}
{{- regexReplaceAll "/realms/[^/]+/?$" (include "nq57-common.oidcIssuer" .) "" -}}
{{- end -}}
{{- end -}}

{{/* The realm's keys: jwksUrl, else the bundled Keycloak's in the cluster (whatever the public issuer), else the issuer's. */}}
{{- define "nq57-common.oidcJwks" -}}
{{- if .Values.global.oidc.jwksUrl -}}
{{- .Values.global.oidc.jwksUrl -}}
{{- else if .Values.global.oidc.bundledKeycloak -}}
{{- printf "http://%s-keycloak:8080/realms/nq57/protocol/openid-connect/certs" .Release.Name -}}
{{- else -}}
{{- printf "%s/protocol/openid-connect/certs" (include "nq57-common.oidcIssuer" . | trimSuffix "/") -}}
{{- end -}}
{{- end -}}

{{/*
(ministry) Base URL of this service's counterpart at central: the service's own federation.centralUrl, else
global.federation.centralUrl. The service appends /api/v1/federation/events and /api/v1/federation/catalog.
*/}}
{{- define "nq57-common.federationCentralUrl" -}}
{{- $own := "" -}}
{{- with .Values.federation }}{{ $own = .centralUrl }}{{ end -}}
{{- default .Values.global.federation.centralUrl $own | trimSuffix "/" -}}
{{- end -}}


{{/*
The trust bundle (global.trust): "configMap", "secret" or "" (none). With one, an init container builds the JVM's
truststore (the JDK's CAs plus the bundle) into an emptyDir with the application's own image, and the bundle is
mounted at /etc/nq57/trust/<key> (a stable path: PostgreSQL's sslrootcert).
*/}}
{{- define "nq57-common.trustSource" -}}
{{- with .Values.global.trust -}}
{{- if .configMap -}}configMap{{- else if .secret -}}secret{{- end -}}
{{- end -}}
{{- end -}}

{{- define "nq57-common.trustStore" -}}/var/run/nq57/truststore.p12{{- end -}}

{{/*
JAVA_TOOL_OPTIONS (additive to the image's own JAVA_OPTS_APPEND, which it never replaces): jvmOptions, the truststore,
the HTTPS proxy, then jvm.extraOptions.
*/}}
{{- define "nq57-common.javaToolOptions" -}}
{{- $opts := list -}}
{{- with .Values.jvmOptions }}{{ $opts = append $opts . }}{{ end -}}
{{- if include "nq57-common.trustSource" . -}}
{{- $opts = append $opts (printf "-Djavax.net.ssl.trustStore=%s -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12" (include "nq57-common.trustStore" .)) -}}
{{- end -}}
{{- with .Values.global.proxy -}}
{{- if .httpsHost -}}
{{- $noProxy := concat (list "localhost" "127.0.0.1" "*.svc" "*.cluster.local") (default list .noProxy) -}}
{{- $opts = append $opts (printf "-Dhttps.proxyHost=%s -Dhttps.proxyPort=%v -Dhttp.nonProxyHosts=%s" .httpsHost .httpsPort (join "|" $noProxy)) -}}
{{- end -}}
{{- end -}}
{{- with .Values.jvm }}{{ with .extraOptions }}{{ $opts = append $opts . }}{{ end }}{{ end -}}
{{- join " " $opts -}}
{{- end -}}


{{/*
Whether this service migrates its database in a hook Job (migration.enabled and an external database: a pre-install
hook runs before the bundled PostgreSQL exists, so with it the service migrates at start).
*/}}
{{- define "nq57-common.migrationJob.enabled" -}}
{{- if and (ne (include "nq57-common.kind" .) "portal") .Values.migration .Values.migration.enabled (or .Values.global.postgresql.host .Values.database.jdbcUrl) -}}
true
{{- end -}}
{{- end -}}

{{/* The owner of the databases, who migrates them: global.postgresql.owner, else the services' own user and Secret. */}}
{{- define "nq57-common.ownerUsername" -}}
{{- default (include "nq57-common.databaseUsername" .) .Values.global.postgresql.owner.username -}}
{{- end -}}
{{- define "nq57-common.ownerSecretName" -}}
{{- default (include "nq57-common.databaseSecretName" .) .Values.global.postgresql.owner.existingSecret -}}
{{- end -}}
{{- define "nq57-common.ownerSecretKey" -}}
{{- if .Values.global.postgresql.owner.existingSecret -}}
{{- .Values.global.postgresql.owner.passwordKey -}}
{{- else -}}
{{- include "nq57-common.databaseSecretKey" . -}}
{{- end -}}
{{- end -}}


{{/*
Checks of a service or portal chart that the schema cannot make; each fails with what to set. Production runs
release images only: a SNAPSHOT tag names whatever was pushed last (a digest pins the image and wins over the tag).
*/}}
{{- define "nq57-common.validate" -}}
{{- if and (eq .Values.global.profile "production") (not .Values.image.digest) (contains "SNAPSHOT" (include "nq57-common.imageTag" .)) -}}
{{- fail (printf "%s: the production profile runs release images only, not %s: set %s.image.tag to a release (e.g. 0.1.0) or, better, image.digest (helm/build-images.sh writes both into helm/target/release-images.yaml); or --set global.profile=dev" .Chart.Name (include "nq57-common.image" .) .Chart.Name) -}}
{{- end -}}
{{- end -}}
