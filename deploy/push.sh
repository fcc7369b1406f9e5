#!/usr/bin/env bash
# Sends one signed request to the gateway's platform API (API.md §1), with nothing but bash, openssl and curl.
#
#   deploy/push.sh PLATFORM_CODE SECRET POST /api/v1/push/gcjs.tender-notice record.json
#   deploy/push.sh PLATFORM_CODE SECRET GET  /api/v1/push/receipts/01JD3Q8Z6W6S1M0W1V7C6C2R9X
#
# Environment: SGW_URL (default http://localhost:8080), SGW_SIGNATURE_METHOD (HMAC-SHA256 or HMAC-SM3),
# SGW_CONTENT_TYPE (default application/json; application/x-ndjson for NDJSON files).
set -euo pipefail

[ $# -ge 4 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
platform=$1 secret=$2 method=$3 target=$4 file=${5:-}
url=${SGW_URL:-http://localhost:8080}
sig_method=${SGW_SIGNATURE_METHOD:-HMAC-SHA256}
case "$sig_method" in
  HMAC-SHA256) digest=sha256 ;;
  HMAC-SM3) digest=sm3 ;;
  *) echo "SGW_SIGNATURE_METHOD must be HMAC-SHA256 or HMAC-SM3" >&2; exit 2 ;;
esac

body=$(mktemp)
trap 'rm -f "$body"' EXIT
[ -n "$file" ] && cat "$file" > "$body"

path=${target%%\?*}                                   # the raw path, without the query string
timestamp=$(( $(date +%s%N) / 1000000 ))              # milliseconds since the epoch
nonce=$(openssl rand -hex 16)                         # 32 characters, used once
body_hex=$(openssl dgst -"$digest" -hex < "$body" | awk '{print $NF}')
signature=$(printf '%s\n%s\n%s\n%s\n%s' "$method" "$path" "$timestamp" "$nonce" "$body_hex" \
  | openssl dgst -"$digest" -hmac "$secret" -binary | base64 -w0)

args=(-sS -X "$method" "$url$target"
  -H "X-Platform-Code: $platform" -H "X-Timestamp: $timestamp" -H "X-Nonce: $nonce"
  -H "X-Signature-Method: $sig_method" -H "X-Signature: $signature")
if [ -n "$file" ]; then
  args+=(-H "Content-Type: ${SGW_CONTENT_TYPE:-application/json}" --data-binary "@$body")
fi
curl "${args[@]}" -w '\n'
