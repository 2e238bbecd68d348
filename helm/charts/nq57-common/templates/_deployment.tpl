{{- define "nq57-common.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "nq57-common.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: {{ .Values.revisionHistoryLimit }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "nq57-common.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      annotations:
        checksum/config: {{ include "nq57-common.configmap" . | sha256sum }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "nq57-common.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "nq57-common.serviceAccountName" . }}
      automountServiceAccountToken: false
      {{- with (concat (default (list) .Values.global.imagePullSecrets) (default (list) .Values.imagePullSecrets)) }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      {{- with .Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      {{- if .Values.topologySpread.enabled }}
      topologySpreadConstraints:
        {{- range .Values.topologySpread.topologyKeys }}
        - maxSkew: 1
          topologyKey: {{ . }}
          whenUnsatisfiable: {{ $.Values.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "nq57-common.selectorLabels" $ | nindent 14 }}
        {{- end }}
      {{- end }}
      {{- $trust := include "nq57-common.trustSource" . }}
      {{- if $trust }}
      initContainers:
        # the JDK's CAs plus the trust bundle, as a PKCS12 truststore for the JVM (public certificates only)
        - name: truststore
          image: {{ include "nq57-common.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command: ["java", "-cp", "/deployments/lib/main/*", "vn.nq57.trust.TrustStore",
                    "/etc/nq57/trust/{{ .Values.global.trust.key }}", {{ include "nq57-common.trustStore" . | quote }}]
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: trust-bundle
              mountPath: /etc/nq57/trust
              readOnly: true
            - name: truststore
              mountPath: /var/run/nq57
            - name: tmp
              mountPath: /tmp
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ include "nq57-common.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.containerPort }}
              protocol: TCP
            - name: management
              containerPort: {{ .Values.managementPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "nq57-common.fullname" . }}
          env:
            {{- if eq (include "nq57-common.kind" .) "portal" }}
            {{- include "nq57-common.portal.secretEnv" . | nindent 12 }}
            {{- else }}
            - name: NQ57_DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "nq57-common.databaseSecretName" . | quote }}
                  key: {{ include "nq57-common.databaseSecretKey" . | quote }}
            {{- with .Values.keycloakAdmin }}
            {{- if .enabled }}
            # initiative-service's own client (reads the realm's users); in dev the service's local default matches the demo realm
            - name: NQ57_SERVICE_CLIENT_SECRET
              valueFrom:
                secretKeyRef:
                  name: {{ default (printf "%s-initiative-service" $.Release.Name) .existingSecret | quote }}
                  key: {{ .clientSecretKey | quote }}
                  {{- if eq $.Values.global.profile "dev" }}
                  optional: true
                  {{- end }}
            {{- end }}
            {{- end }}
            {{- with .Values.mail }}
            {{- if and .enabled .smtp.existingSecret }}
            - name: NQ57_SMTP_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ .smtp.existingSecret | quote }}
                  key: {{ .smtp.passwordKey | quote }}
            {{- end }}
            {{- end }}
            {{- if eq .Values.global.instance.role "ministry" }}
            - name: NQ57_FEDERATION_CLIENT_SECRET
              valueFrom:
                secretKeyRef:
                  name: {{ .Values.global.federation.existingSecret | quote }}
                  key: {{ .Values.global.federation.clientSecretKey | quote }}
            {{- end }}
            {{- end }}
            {{- with .Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- if gt (int .Values.preStopSleepSeconds) 0 }}
          lifecycle:
            preStop:
              {{- if include "nq57-common.kubeAtLeast" (dict "version" "1.30" "context" .) }}
              # the kubelet sleeps (Kubernetes 1.30+): no shell needed in the image
              sleep:
                seconds: {{ .Values.preStopSleepSeconds }}
              {{- else }}
              exec:
                command: ["sh", "-c", "sleep {{ .Values.preStopSleepSeconds }}"]
              {{- end }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: management
            {{- toYaml .Values.probes.startup | nindent 12 }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: management
            {{- toYaml .Values.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: management
            {{- toYaml .Values.probes.readiness | nindent 12 }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if $trust }}
            - name: trust-bundle
              mountPath: /etc/nq57/trust
              readOnly: true
            - name: truststore
              mountPath: /var/run/nq57
              readOnly: true
            {{- end }}
            {{- with .Values.extraVolumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
        {{- if $trust }}
        - name: truststore
          emptyDir:
            sizeLimit: 16Mi
        - name: trust-bundle
          {{- if eq $trust "configMap" }}
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
        {{- with .Values.extraVolumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
