#!/usr/bin/env bash
# Sends one signed request to the gateway's platform API (API.md §1), with nothing but bash, openssl and curl.
#
#   deploy/push.sh PLATFORM_CODE SECRET POST /api/v1/push/gcjs.tender-notice record.json
#   deploy/push.sh PLATFORM_CODE SECRET GET  /api/v1/push/receipts/01JD3Q8Z6W6S1M0W1V7C6C2R9X
#
# Environment: SGW_URL (default http://localhost:8080), SGW_SIGNATURE_METHOD (HMAC-SHA256 or HMAC-SM3),
# SGW_SIGNATURE_VERSION (2, the default, also signs the query string; 1 does not),
# SGW_CONTENT_TYPE (default application/json; application/x-ndjson for NDJSON files).
set -euo pipefail
export LC_ALL=C                                       # one byte a character, byte order for sorting

[ $# -ge 4 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
platform=$1 secret=$2 method=$3 target=$4 file=${5:-}
url=${SGW_URL:-http://localhost:8080}
sig_method=${SGW_SIGNATURE_METHOD:-HMAC-SHA256}
case "$sig_method" in
  HMAC-SHA256) digest=sha256 ;;
  HMAC-SM3) digest=sm3 ;;
  *) echo "SGW_SIGNATURE_METHOD must be HMAC-SHA256 or HMAC-SM3" >&2; exit 2 ;;
esac

sig_version=${SGW_SIGNATURE_VERSION:-2}
case "$sig_version" in 1|2) ;; *) echo "SGW_SIGNATURE_VERSION must be 1 or 2" >&2; exit 2 ;; esac

# RFC 3986: percent-decode, then encode every byte but A-Z a-z 0-9 - . _ ~ as %XX (upper-case hex)
reencode() {
  local s=$1 out='' i c hex v
  for (( i = 0; i < ${#s}; i++ )); do
    c=${s:i:1}
    if [[ $c == % && ${s:i+1:2} =~ ^[0-9A-Fa-f]{2}$ ]]; then
      hex=${s:i+1:2}; i=$(( i + 2 ))
    else
      printf -v hex '%02X' "'$c"
    fi
    v=$(( 16#$hex ))
    if (( (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) || v == 45 || v == 46 || v == 95 || v == 126 )); then
      printf -v c "\\x$hex"; out+=$c
    else
      out+="%${hex^^}"
    fi
  done
  printf '%s' "$out"
}

# the canonical query string of signature version 2: pairs re-encoded, sorted by name then value, joined by &
canonical_query() {
  local pair name value pairs=()
  IFS='&' read -ra pairs <<< "$1"
  for pair in "${pairs[@]}"; do
    [ -n "$pair" ] || continue
    if [[ $pair == *=* ]]; then name=${pair%%=*} value=${pair#*=}; else name=$pair value=; fi
    printf '%s=%s\n' "$(reencode "$name")" "$(reencode "$value")"
  done | sort -t= -k1,1 -k2,2 | paste -sd '&' -
}

body=$(mktemp)
trap 'rm -f "$body"' EXIT
[ -n "$file" ] && cat "$file" > "$body"

path=${target%%\?*}                                   # the raw path, without the query string
timestamp=$(( $(date +%s%N) / 1000000 ))              # milliseconds since the epoch
nonce=$(openssl rand -hex 16)                         # 32 characters, used once
body_hex=$(openssl dgst -"$digest" -hex < "$body" | awk '{print $NF}')
if [ "$sig_version" = 2 ]; then
  query=''; [[ $target == *\?* ]] && query=${target#*\?}
  canonical=$(printf '%s\n%s\n%s\n%s\n%s\n%s' "$method" "$path" "$(canonical_query "$query")" "$timestamp" "$nonce" "$body_hex")
else
  canonical=$(printf '%s\n%s\n%s\n%s\n%s' "$method" "$path" "$timestamp" "$nonce" "$body_hex")
fi
signature=$(printf '%s' "$canonical" | openssl dgst -"$digest" -hmac "$secret" -binary | base64 -w0)

args=(-sS -X "$method" "$url$target"
  -H "X-Platform-Code: $platform" -H "X-Timestamp: $timestamp" -H "X-Nonce: $nonce"
  -H "X-Signature-Method: $sig_method" -H "X-Signature-Version: $sig_version" -H "X-Signature: $signature")
if [ -n "$file" ]; then
  args+=(-H "Content-Type: ${SGW_CONTENT_TYPE:-application/json}" --data-binary "@$body")
fi
curl "${args[@]}" -w '\n'
