# Helpers for the README's walk-through, for a bash shell in the checkout:   . deploy/walkthrough.sh
# (source it in each terminal you use). Needs curl and jq. Ports: the local stack's (deploy/run-local.sh).
#
#   token USER            an access token for a demo user (password "demo"); tokens last 15 minutes
#                         (the realm's access token lifespan): after that every call answers 401 "the token has
#                         expired", and `tokens` gets a fresh set
#   tokens                sets POLICE PRACT MANAGER HEALTH PPOLICE ANALYST SCHOOL OFFICER_HEALTH OFFICER_POLICE OPERATOR
#                         RETURNS
#   api METHOD URL TOKEN [BODY|@FILE] [curl options...]
#                         calls the API and prints the JSON answer; a 4xx or 5xx prints the problem's detail and
#                         each field's error on stderr and fails (so `X=$(api …)` never silently holds an error)
#   eventually WHAT CMD   runs CMD (a string) every second until it prints something other than nothing or
#                         "null", for up to 30 s, and prints that; else says what it waited for and fails. For the
#                         steps that happen asynchronously (a contact reaching the queue, a discussion opening)

KC=${KC:-http://localhost:8180/realms/mash/protocol/openid-connect/token}

token() {
  local answer
  answer=$(curl -sS -d grant_type=password -d client_id=mash-cli -d username="$1" -d password=demo "$KC") \
    || { echo "Keycloak did not answer at $KC: is the system running (deploy/run-local.sh)?" >&2; return 1; }
  echo "$answer" | jq -er .access_token 2>/dev/null \
    || { echo "no token for $1: $(echo "$answer" | jq -r '.error_description // .error // .' 2>/dev/null)" >&2; return 1; }
}

tokens() {
  POLICE=$(token referrer.police) && PRACT=$(token practitioner) && MANAGER=$(token manager) \
    && HEALTH=$(token participant.health) && PPOLICE=$(token participant.police) && ANALYST=$(token analyst) \
    && SCHOOL=$(token referrer.school) && OFFICER_HEALTH=$(token officer.health) \
    && OFFICER_POLICE=$(token officer.police) && OPERATOR=$(token operator) && RETURNS=$(token returns)
}

api() {
  local method=$1 url=$2 bearer=$3 answer status
  shift 3
  local body=()
  if [ $# -gt 0 ] && [ "${1:0:1}" != "-" ]; then
    body=(-H 'Content-Type: application/json' --data-binary "$1")
    shift
  fi
  answer=$(curl -sS -X "$method" "$url" -H "Authorization: Bearer $bearer" "${body[@]}" "$@" -w '\n%{http_code}') \
    || { echo "$method $url: no answer (is the service running?)" >&2; return 1; }
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if [ "$status" -ge 400 ]; then
    echo "$method $url answered $status: $(echo "$answer" \
      | jq -r '([.detail] + [.errors[]? | "\(.field): \(.message)"]) | map(select(. != null and . != "")) | join("; ")' \
        2>/dev/null || echo "$answer")" >&2
    return 1
  fi
  echo "$answer"
}

eventually() {
  local what=$1 command=$2 value i
  for i in $(seq 30); do
    if value=$(eval "$command" 2>/dev/null) && [ -n "$value" ] && [ "$value" != null ]; then
      echo "$value"
      return 0
    fi
    sleep 1
  done
  echo "waited 30 s for $what, in vain" >&2
  return 1
}
