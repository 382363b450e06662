{{/* Names: <release>-vantage unless the release name already contains the chart name. */}}
{{- define "vantage.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vantage.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "vantage.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "vantage.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: vantage
{{- end }}

{{/* Selector labels of one component: include "vantage.selectorLabels" (list . "portal") */}}
{{- define "vantage.selectorLabels" -}}
{{- $ := index . 0 -}}
app.kubernetes.io/name: {{ include "vantage.name" $ }}
app.kubernetes.io/instance: {{ $.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* image reference: include "vantage.image" (list . .Values.portal.image) */}}
{{- define "vantage.image" -}}
{{- $ := index . 0 }}{{ $image := index . 1 }}
{{- printf "%s:%s" $image.repository (default $.Chart.AppVersion $image.tag) }}
{{- end }}

{{- define "vantage.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "vantage.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "vantage.guacdHost" -}}
{{- if .Values.guacd.enabled }}
{{- printf "%s-guacd" (include "vantage.fullname" .) }}
{{- else }}
{{- required "guacd.externalHost is required when guacd.enabled is false" .Values.guacd.externalHost }}
{{- end }}
{{- end }}

{{/* Secret names: the user's existing Secret, or the one this chart writes. */}}
{{- define "vantage.databaseSecret" -}}
{{- default (printf "%s-secrets" (include "vantage.fullname" .)) .Values.database.existingSecret }}
{{- end }}
{{- define "vantage.databaseSecretKey" -}}
{{- if .Values.database.existingSecret }}{{ .Values.database.existingSecretPasswordKey }}{{ else }}database-password{{ end }}
{{- end }}

{{/* Environment variables shared by the portal and the ETL: the database connection. */}}
{{- define "vantage.databaseEnv" -}}
- name: SPRING_DATASOURCE_URL
  value: {{ .Values.database.url | quote }}
- name: SPRING_DATASOURCE_USERNAME
  value: {{ .Values.database.username | quote }}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "vantage.databaseSecret" . }}
      key: {{ include "vantage.databaseSecretKey" . }}
{{- end }}

{{/* VANTAGE_CLOUD_PROVIDERS_<NAME>_... : upper case, anything but letters and digits becomes "_". */}}
{{- define "vantage.envName" -}}
{{- regexReplaceAll "[^A-Z0-9]" (upper .) "_" }}
{{- end }}
