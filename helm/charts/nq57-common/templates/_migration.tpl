{{/*
The migration Job of a service with an external database: a pre-install/pre-upgrade hook that runs the service's own
image once with QUARKUS_INIT_AND_EXIT (Flyway migrates at start, then the process exits) as the databases' owner,
before the new pods start. Hooks run before the release's ConfigMaps exist, so the settings are given literally.
*/}}
{{- define "nq57-common.migrationJob" -}}
{{- if include "nq57-common.migrationJob.enabled" . -}}
{{- $config := include "nq57-common.api.config" . | fromYaml -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ printf "%s-migrate" (include "nq57-common.fullname" .) | trunc 63 | trimSuffix "-" }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    # after the Kafka topics (-10), before anything else of the release
    helm.sh/hook-weight: "-5"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ .Values.migration.backoffLimit }}
  {{- with .Values.migration.activeDeadlineSeconds }}
  activeDeadlineSeconds: {{ . }}
  {{- end }}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {{ printf "%s-migrate" (include "nq57-common.name" .) | trunc 63 | trimSuffix "-" }}
        app.kubernetes.io/instance: {{ .Release.Name }}
        app.kubernetes.io/part-of: nq57
        app.kubernetes.io/component: migration
    spec:
      restartPolicy: Never
      # the release's ServiceAccount does not exist yet at pre-install; the pod needs no API access
      automountServiceAccountToken: false
      {{- with (concat (default (list) .Values.global.imagePullSecrets) (default (list) .Values.imagePullSecrets)) }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      {{- with .Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      containers:
        - name: migrate
          image: {{ include "nq57-common.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          env:
            {{- range $name := keys $config | sortAlpha }}
            {{- if not (has $name (list "NQ57_DB_USER" "QUARKUS_FLYWAY_MIGRATE_AT_START")) }}
            - name: {{ $name }}
              value: {{ index $config $name | toString | quote }}
            {{- end }}
            {{- end }}
            - name: QUARKUS_INIT_AND_EXIT
              value: "true"
            - name: QUARKUS_FLYWAY_MIGRATE_AT_START
              value: "true"
            {{- with .Values.jvmOptions }}
            - name: JAVA_TOOL_OPTIONS
              value: {{ . | quote }}
            {{- end }}
            # the owner of the database
            - name: NQ57_DB_USER
              value: {{ include "nq57-common.ownerUsername" . | quote }}
            - name: NQ57_DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "nq57-common.ownerSecretName" . | quote }}
                  key: {{ include "nq57-common.ownerSecretKey" . | quote }}
            {{- if eq .Values.global.instance.role "ministry" }}
            - name: NQ57_FEDERATION_CLIENT_SECRET
              valueFrom:
                secretKeyRef:
                  name: {{ .Values.global.federation.existingSecret | quote }}
                  key: {{ .Values.global.federation.clientSecretKey | quote }}
            {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if include "nq57-common.trustSource" . }}
            # PostgreSQL's sslrootcert (global.postgresql.jdbcParameters) at the same path as in the service's pods
            - name: trust-bundle
              mountPath: /etc/nq57/trust
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
        {{- if include "nq57-common.trustSource" . }}
        - name: trust-bundle
          {{- if .Values.global.trust.configMap }}
          configMap:
            name: {{ .Values.global.trust.configMap | quote }}
          {{- else }}
          secret:
            secretName: {{ .Values.global.trust.secret | quote }}
          {{- end }}
            items:
              - key: {{ .Values.global.trust.key | quote }}
                path: {{ .Values.global.trust.key | quote }}
        {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
{{- end -}}
