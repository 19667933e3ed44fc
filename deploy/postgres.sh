# Makes sure a PostgreSQL server answers on ${PGHOST:-127.0.0.1}:${PGPORT:-5432} as ${PGUSER:-postgres}:
# starts the machine's own cluster if it is down, installs PostgreSQL from the distribution's packages if
# there is none. Sourced by deploy/run-local.sh and .ci/run.

ensure_postgres() {
  local host=${PGHOST:-127.0.0.1} port=${PGPORT:-5432} user=${PGUSER:-postgres}
  if pg_ready "$host" "$port" "$user"; then return 0; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "[mash] no PostgreSQL server here: installing it from the distribution's packages"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
    trust_local_connections
  fi
  echo "[mash] starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  for _ in $(seq 1 30); do
    if pg_ready "$host" "$port" "$user"; then return 0; fi
    sleep 1
  done
  echo "[mash] PostgreSQL does not answer on $host:$port as $user" >&2
  return 1
}

pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -U "$3" && psql -h "$1" -p "$2" -U "$3" -d postgres -Atqc 'select 1' >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

# A freshly installed server: let local TCP connections in as postgres without a password, as on a
# development machine of this kind. Never do this on a shared or production server.
trust_local_connections() {
  local conf
  conf=$(ls /etc/postgresql/*/main/pg_hba.conf | head -n 1)
  as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/; s/^(local\s+all\s+postgres\s+)\S+/\1trust/' "$conf"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else "$@"; fi
}
