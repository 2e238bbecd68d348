{{- define "nq57-common.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "nq57-common.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
  {{- with .Values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - name: http
      port: {{ .Values.service.port }}
      targetPort: http
      protocol: TCP
    # health and metrics (Prometheus through the ServiceMonitor); no Ingress routes to it
    - name: management
      port: {{ .Values.managementPort }}
      targetPort: management
      protocol: TCP
  selector:
    {{- include "nq57-common.selectorLabels" . | nindent 4 }}
{{- end -}}

{{- define "nq57-common.serviceaccount" -}}
{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "nq57-common.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "nq57-common.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end -}}
{{- end -}}
