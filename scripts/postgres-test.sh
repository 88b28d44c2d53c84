#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the storage tests, from Debian's `postgresql` package.
#
#   source scripts/postgres-test.sh
#   postgres_test_start   # initdb in a temp dir, listen on 127.0.0.1 only, export WORKFLOWS_TEST_POSTGRES
#   postgres_test_stop    # stop the server and delete the temp dir (safe to call twice or without start)
#
# Or by hand: `scripts/postgres-test.sh start` prints the export line and the stop command.
# Sourcing changes no shell options: test.sh decides how errors are handled.

# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` system user.
_postgres_test_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_postgres_test_install() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "==> installing Debian package: postgresql"
  $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# The first port from 55432 on which nothing listens on 127.0.0.1.
_postgres_test_free_port() {
  local port
  for port in $(seq 55432 55531); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

postgres_test_start() {
  _postgres_test_install || { echo "error: could not install postgresql" >&2; return 1; }
  local bin port dir password
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=$(_postgres_test_free_port) || { echo "error: no free port for PostgreSQL in 55432-55531" >&2; return 1; }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/workflows-postgres.XXXXXX") || return 1
  # A random password even on loopback: other local users must not reach the test database.
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
  POSTGRES_TEST_DIR=$dir
  export POSTGRES_TEST_DIR

  if ! _postgres_test_as "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
        -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
    echo "error: initdb failed, see $dir/initdb.log" >&2
    return 1
  fi
  rm -f "$dir/pwfile"
  # fsync off: the cluster is thrown away, speed matters more than surviving a power cut.
  if ! _postgres_test_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
    echo "error: PostgreSQL did not start, see $dir/server.log" >&2
    return 1
  fi
  WORKFLOWS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
  export WORKFLOWS_TEST_POSTGRES
  echo "==> PostgreSQL for the storage tests on 127.0.0.1:$port ($dir)"
}

postgres_test_stop() {
  local dir=${POSTGRES_TEST_DIR:-}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    _postgres_test_as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  unset POSTGRES_TEST_DIR WORKFLOWS_TEST_POSTGRES
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start)
      postgres_test_start >&2 || exit 1
      echo "export WORKFLOWS_TEST_POSTGRES='$WORKFLOWS_TEST_POSTGRES' POSTGRES_TEST_DIR='$POSTGRES_TEST_DIR'"
      echo "# stop with: POSTGRES_TEST_DIR='$POSTGRES_TEST_DIR' $0 stop"
      ;;
    stop) postgres_test_stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
  esac
fi
