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

{{/* Image reference: include "vantage.image" (list . .Values.portal.image "portal.image") - repository required,
     tag defaulting to the appVersion, pulled by digest when one is given. */}}
{{- define "vantage.image" -}}
{{- $ := index . 0 }}{{ $image := index . 1 }}{{ $key := index . 2 }}
{{- $repository := required (printf "%s.repository is required: the registry and path where you pushed the image (docs/deployment.md)" $key) $image.repository }}
{{- $ref := printf "%s:%s" $repository (default $.Chart.AppVersion $image.tag) }}
{{- if $image.digest }}{{ $ref = printf "%s@%s" $ref $image.digest }}{{ end }}
{{- $ref }}
{{- end }}

{{- define "vantage.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "vantage.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The host people open: ingress.host, else the host of portal.publicUrl (without a port). */}}
{{- define "vantage.host" -}}
{{- default (regexReplaceAll ":[0-9]+$" (urlParse .Values.portal.publicUrl).host "") .Values.ingress.host }}
{{- end }}

{{- define "vantage.notebooksHost" -}}
{{- printf "*.%s" .Values.notebooks.domain }}
{{- end }}

{{- define "vantage.guacdHost" -}}
{{- if .Values.guacd.enabled }}
{{- printf "%s-guacd" (include "vantage.fullname" .) }}
{{- else }}
{{- required "guacd.externalHost is required when guacd.enabled is false" .Values.guacd.externalHost }}
{{- end }}
{{- end }}

{{/* Secret names: the user's existing Secret, or the one this chart writes. */}}
{{- define "vantage.secretName" -}}
{{- printf "%s-secrets" (include "vantage.fullname" .) }}
{{- end }}

{{/* The portal's configuration file (application.yml): what the values say, then portal.config merged over it. */}}
{{- define "vantage.config" -}}
{{- $v := .Values }}
{{- $roleMapping := dict }}
{{- range $role, $portalRole := $v.oidc.roleMapping }}
{{- $_ := set $roleMapping (printf "[%s]" $role) $portalRole }}
{{- end }}
{{- $oidc := dict "issuer-uri" $v.oidc.issuerUri "client-id" $v.oidc.clientId
      "claims" (dict "user-id" $v.oidc.claims.userId "roles" $v.oidc.claims.roles) }}
{{- if $roleMapping }}{{ $_ := set $oidc "role-mapping" $roleMapping }}{{ end }}
{{- $providers := dict }}
{{- range $name, $p := $v.cloud.providers }}
{{- $provider := dict "type" $p.type "settings" (default dict $p.settings) }}
{{- if hasKey $p "enabled" }}{{ $_ := set $provider "enabled" $p.enabled }}{{ end }}
{{- $_ := set $providers $name $provider }}
{{- end }}
{{- $cloud := dict }}
{{- with $v.cloud.deploymentId }}{{ $_ := set $cloud "deployment-id" . }}{{ end }}
{{- if $providers }}{{ $_ := set $cloud "providers" $providers }}{{ end }}
{{- $vantage := dict "public-url" $v.portal.publicUrl "auth" (dict "oidc" $oidc) "mail" (dict "from" $v.mail.from)
      "tunnel" (dict "guacd" (dict "host" (include "vantage.guacdHost" .) "port" $v.guacd.port)) }}
{{- if $cloud }}{{ $_ := set $vantage "cloud" $cloud }}{{ end }}
{{- with $v.notebooks.domain }}
{{- $_ := set $vantage "notebooks" (dict "origin-pattern" (printf "%s://{uid}.%s" (urlParse $v.portal.publicUrl).scheme .)) }}
{{- end }}
{{- $spring := dict "datasource" (dict "url" $v.database.url "username" $v.database.username) }}
{{- if $v.migration.enabled }}{{ $_ := set $spring "flyway" (dict "enabled" false) }}{{ end }}
{{- with $v.mail.host }}
{{- $mail := dict "host" . "port" $v.mail.port }}
{{- with $v.mail.username }}{{ $_ := set $mail "username" . }}{{ end }}
{{- $_ := set $spring "mail" $mail }}
{{- end }}
{{- $server := dict }}
{{- if eq (urlParse $v.portal.publicUrl).scheme "https" }}
{{- $server = dict "servlet" (dict "session" (dict "cookie" (dict "secure" true))) }}
{{- end }}
{{- $config := dict "vantage" $vantage "spring" $spring "management" (dict "server" (dict "port" $v.portal.managementPort)) }}
{{- if $server }}{{ $_ := set $config "server" $server }}{{ end }}
{{- toYaml (mergeOverwrite $config (deepCopy $v.portal.config)) }}
{{- end }}

{{/* Where the configuration file is mounted; Spring Boot reads it after the one in the jar. */}}
{{- define "vantage.configPath" -}}/etc/vantage/config/application.yml{{- end }}

{{/* JAVA_TOOL_OPTIONS: the user's options plus, with a CA bundle, the trust store the init container wrote. */}}
{{- define "vantage.javaToolOptions" -}}
{{- $options := list }}
{{- with .Values.portal.javaToolOptions }}{{ $options = append $options . }}{{ end }}
{{- if or .Values.caBundle.configMap .Values.caBundle.secret }}
{{- $options = append $options "-Djavax.net.ssl.trustStore=/etc/vantage/truststore/truststore.p12 -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=changeit" }}
{{- end }}
{{- join " " $options }}
{{- end }}

{{/* Env entries every Java container gets: JAVA_TOOL_OPTIONS, and secretEnv: include ... (list . .Values.portal.secretEnv) */}}
{{- define "vantage.commonEnv" -}}
{{- $ := index . 0 }}
{{- with include "vantage.javaToolOptions" $ }}
- name: JAVA_TOOL_OPTIONS
  value: {{ . | quote }}
{{- end }}
{{- range $name, $ref := index . 1 }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.secretName }}
      key: {{ $ref.key }}
{{- end }}
{{- end }}

{{- define "vantage.databasePasswordEnv" -}}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ default (include "vantage.secretName" .) .Values.database.existingSecret }}
      key: {{ ternary .Values.database.existingSecretPasswordKey "database-password" (ne .Values.database.existingSecret "") }}
{{- end }}

{{/* CA bundle: an init container (the portal image, no shell needed) adds the PEM certificates to the JVM's own
     trust anchors in a PKCS12 trust store on an emptyDir, which JAVA_TOOL_OPTIONS points the JVM at. */}}
{{- define "vantage.caInitContainer" -}}
{{- if or .Values.caBundle.configMap .Values.caBundle.secret }}
- name: trust-store
  image: {{ include "vantage.image" (list . .Values.portal.image "portal.image") | quote }}
  imagePullPolicy: {{ .Values.portal.image.pullPolicy }}
  args: [trust-store, {{ printf "/etc/vantage/ca/%s" .Values.caBundle.key | quote }}, /etc/vantage/truststore/truststore.p12]
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  resources:
    requests: {cpu: 100m, memory: 128Mi}
    limits: {memory: 256Mi}
  volumeMounts:
    - {name: tmp, mountPath: /tmp}
    - {name: ca-bundle, mountPath: /etc/vantage/ca, readOnly: true}
    - {name: trust-store, mountPath: /etc/vantage/truststore}
{{- end }}
{{- end }}

{{- define "vantage.caVolumeMounts" -}}
{{- if or .Values.caBundle.configMap .Values.caBundle.secret }}
- {name: ca-bundle, mountPath: /etc/vantage/ca, readOnly: true}
- {name: trust-store, mountPath: /etc/vantage/truststore, readOnly: true}
{{- end }}
{{- end }}

{{- define "vantage.caVolumes" -}}
{{- if .Values.caBundle.configMap }}
- name: ca-bundle
  configMap: {name: {{ .Values.caBundle.configMap }}}
{{- else if .Values.caBundle.secret }}
- name: ca-bundle
  secret: {secretName: {{ .Values.caBundle.secret }}}
{{- end }}
{{- if or .Values.caBundle.configMap .Values.caBundle.secret }}
- name: trust-store
  emptyDir: {sizeLimit: 16Mi}
{{- end }}
{{- end }}

{{/* Soft anti-affinity between the replicas of one component: include "vantage.softAntiAffinity" (list . "guacd") */}}
{{- define "vantage.softAntiAffinity" -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "vantage.selectorLabels" . | nindent 12 }}
{{- end }}

{{/* NetworkPolicy ports: numbers, or {port, endPort} ranges; include "vantage.policyPorts" (list PORTS "TCP") */}}
{{- define "vantage.policyPorts" -}}
{{- $protocol := index . 1 }}
{{- range index . 0 }}
{{- if kindIs "map" . }}
- {protocol: {{ $protocol }}, port: {{ .port }}, endPort: {{ .endPort }}}
{{- else }}
- {protocol: {{ $protocol }}, port: {{ . }}}
{{- end }}
{{- end }}
{{- end }}
