#!/usr/bin/env bash
# Private PostgreSQL 15 and MariaDB servers for the test suite: each in its own temp dir,
# on a private 127.0.0.1 port with its unix socket in that dir, torn down afterwards.
#
# Two ways to use it:
#   source tests/support/servers.sh
#   dp_servers_start        # exports DP_TEST_PG_URL, DP_TEST_MYSQL_URL, ...; stops on EXIT
#   ...run tests...
#   dp_servers_stop         # optional: the EXIT trap does it too
# or, from another shell:
#   eval "$(bash tests/support/servers.sh start)"   # prints `export ...` lines
#   bash tests/support/servers.sh stop               # needs DP_SERVERS_DIR from the exports
#
# Exports: DP_TEST_PG_URL    postgres://dp:<pw>@127.0.0.1:<port>/postgres  (superuser, scram auth)
#          DP_TEST_MYSQL_URL mysql://dp:<pw>@127.0.0.1:<port>/dp_test      (all privileges)
#          DP_TEST_SSL_CA    the self-signed certificate (CN/SAN 127.0.0.1) both servers use for TLS,
#                            when openssl exists
#          DP_SERVERS_DIR    the temp dir holding both servers (data, sockets, logs)
# Knobs:   DP_SERVERS=pg,mysql (which to start), DP_TEST_PG_PORT (first port to try, 55432),
#          DP_TEST_MYSQL_PORT (first port to try, 53306), DP_SERVERS_KEEP=1 (keep the dir on stop).
# Runs as root: initdb/postgres refuse root, so they run as the `postgres` system user
# (created as `dp-postgres` when missing); mariadbd runs with --user=root.

DP_PG_BIN=${DP_PG_BIN:-/usr/lib/postgresql/15/bin}

_dp_log() { echo "servers: $*" >&2; }

# True when nothing accepts connections on 127.0.0.1:$1.
_dp_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# First free port at or after $1.
_dp_pick_port() {
  local port=$1
  while ! _dp_port_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

_dp_random_password() { head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# Runs a command as the unprivileged PostgreSQL user (or directly when not root).
_dp_as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$DP_PG_USER" -- "$@"
  else
    "$@"
  fi
}

_dp_pg_user() {
  if [[ $(id -u) -ne 0 ]]; then
    id -un
  elif id -u postgres >/dev/null 2>&1; then
    echo postgres
  else
    if ! id -u dp-postgres >/dev/null 2>&1; then
      useradd --system --user-group --no-create-home --shell /usr/sbin/nologin dp-postgres >&2 || return 1
    fi
    echo dp-postgres
  fi
}

# A self-signed certificate for 127.0.0.1 that both servers present (skipped without openssl).
_dp_tls_cert() {
  command -v openssl >/dev/null 2>&1 || return 0
  local dir=$DP_SERVERS_DIR/tls
  mkdir -p "$dir"
  if openssl req -x509 -newkey rsa:2048 -nodes -days 3 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.crt" \
      >"$dir/openssl.log" 2>&1; then
    chmod 644 "$dir/server.crt"
    chmod 600 "$dir/server.key"
    export DP_TEST_SSL_CA="$dir/server.crt"
  else
    _dp_log "openssl failed; servers run without TLS"
  fi
}

_dp_pg_start() {
  local dir=$DP_SERVERS_DIR/pg
  DP_PG_USER=$(_dp_pg_user) || return 1
  mkdir -p "$dir" && chmod 700 "$dir" || return 1
  local password
  password=$(_dp_random_password)
  printf '%s\n' "$password" >"$dir/pwfile"
  [[ $(id -u) -eq 0 ]] && chown -R "$DP_PG_USER" "$dir"
  if ! _dp_as_pg "$DP_PG_BIN/initdb" -D "$dir/data" -U dp --pwfile="$dir/pwfile" \
      --auth=scram-sha-256 --auth-local=trust -E UTF8 --no-locale --no-sync \
      >"$dir/initdb.log" 2>&1; then
    _dp_log "initdb failed:"; cat "$dir/initdb.log" >&2; return 1
  fi
  rm -f "$dir/pwfile"

  local ssl_opts=""
  if [[ -n ${DP_TEST_SSL_CA:-} ]]; then
    # PostgreSQL wants its own copy of the key, owned by the server user and 0600.
    cp "$DP_SERVERS_DIR/tls/server.crt" "$DP_SERVERS_DIR/tls/server.key" "$dir/"
    chmod 600 "$dir/server.key"
    [[ $(id -u) -eq 0 ]] && chown "$DP_PG_USER" "$dir/server.key" "$dir/server.crt"
    ssl_opts="-c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key"
  fi

  local port=${DP_TEST_PG_PORT:-55432} attempt
  for attempt in 1 2 3 4 5; do
    port=$(_dp_pick_port "$port")
    if _dp_as_pg "$DP_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off $ssl_opts" \
        start >"$dir/pg_ctl.log" 2>&1; then
      DP_PG_STARTED=1
      export DP_TEST_PG_URL="postgres://dp:${password}@127.0.0.1:${port}/postgres"
      export DP_TEST_PG_SOCKET_DIR="$dir"
      _dp_log "PostgreSQL 15 on 127.0.0.1:$port (socket dir $dir)"
      return 0
    fi
    _dp_log "PostgreSQL did not start on port $port (attempt $attempt), retrying"
    port=$((port + 1))
  done
  _dp_log "PostgreSQL failed to start:"; tail -n 30 "$dir/postgres.log" >&2
  return 1
}

_dp_mysql_start() {
  local dir=$DP_SERVERS_DIR/mysql
  mkdir -p "$dir/tmp" && chmod 700 "$dir" || return 1
  local user_opt=(--user="$(id -un)")
  if ! mariadb-install-db --no-defaults --datadir="$dir/data" "${user_opt[@]}" \
      --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
      >"$dir/install.log" 2>&1; then
    _dp_log "mariadb-install-db failed:"; cat "$dir/install.log" >&2; return 1
  fi
  local port=${DP_TEST_MYSQL_PORT:-53306} attempt i
  local ssl_opts=()
  if [[ -n ${DP_TEST_SSL_CA:-} ]]; then
    ssl_opts=(--ssl-cert="$DP_SERVERS_DIR/tls/server.crt" --ssl-key="$DP_SERVERS_DIR/tls/server.key")
  fi
  for attempt in 1 2 3 4 5; do
    port=$(_dp_pick_port "$port")
    setsid mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/mysqld.sock" \
      --port="$port" --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" \
      --log-error="$dir/error.log" --tmpdir="$dir/tmp" "${user_opt[@]}" --skip-name-resolve \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
      --skip-log-bin "${ssl_opts[@]}" </dev/null >/dev/null 2>&1 &
    DP_MYSQL_PID=$!
    for ((i = 0; i < 600; i++)); do
      if ! kill -0 "$DP_MYSQL_PID" 2>/dev/null; then break; fi
      if mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1; then break; fi
      sleep 0.1
    done
    if kill -0 "$DP_MYSQL_PID" 2>/dev/null \
        && mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1; then
      local password
      password=$(_dp_random_password)
      if ! mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot >"$dir/setup.log" 2>&1 <<SQL; then
DELETE FROM mysql.global_priv WHERE User = '';
FLUSH PRIVILEGES;
CREATE USER 'dp'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON *.* TO 'dp'@'%' WITH GRANT OPTION;
CREATE DATABASE dp_test;
SQL
        _dp_log "MariaDB setup failed:"; cat "$dir/setup.log" >&2; return 1
      fi
      export DP_TEST_MYSQL_URL="mysql://dp:${password}@127.0.0.1:${port}/dp_test"
      export DP_TEST_MYSQL_SOCKET="$dir/mysqld.sock"
      export DP_TEST_MYSQL_PID=$DP_MYSQL_PID
      _dp_log "MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$port (socket $dir/mysqld.sock)"
      return 0
    fi
    kill "$DP_MYSQL_PID" 2>/dev/null; wait "$DP_MYSQL_PID" 2>/dev/null
    _dp_log "MariaDB did not start on port $port (attempt $attempt), retrying"
    port=$((port + 1))
  done
  _dp_log "MariaDB failed to start:"; tail -n 30 "$dir/error.log" >&2
  return 1
}

# Starts the servers named in DP_SERVERS (default: pg,mysql) and exports their URLs.
dp_servers_start() {
  local which=${DP_SERVERS:-pg,mysql}
  DP_SERVERS_DIR=$(mktemp -d /tmp/dp-servers.XXXXXX) || return 1
  chmod 755 "$DP_SERVERS_DIR"
  export DP_SERVERS_DIR
  if [[ ${DP_SERVERS_NO_TRAP:-0} != 1 ]]; then
    trap dp_servers_stop EXIT
    trap 'dp_servers_stop; exit 130' INT
    trap 'dp_servers_stop; exit 143' TERM
  fi
  _dp_tls_cert
  if [[ ,$which, == *,pg,* ]]; then _dp_pg_start || { dp_servers_stop; return 1; }; fi
  if [[ ,$which, == *,mysql,* ]]; then _dp_mysql_start || { dp_servers_stop; return 1; }; fi
  return 0
}

# Stops whatever dp_servers_start started and removes the temp dir. Safe to call twice.
dp_servers_stop() {
  local dir=${DP_SERVERS_DIR:-}
  [[ -n $dir && -d $dir ]] || return 0
  if [[ -f $dir/pg/data/postmaster.pid ]]; then
    DP_PG_USER=${DP_PG_USER:-$(stat -c %U "$dir/pg/data")}
    _dp_as_pg "$DP_PG_BIN/pg_ctl" -D "$dir/pg/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || _dp_log "pg_ctl stop failed"
  fi
  local pid=${DP_MYSQL_PID:-${DP_TEST_MYSQL_PID:-}}
  if [[ -z $pid && -f $dir/mysql/mysqld.pid ]]; then pid=$(cat "$dir/mysql/mysqld.pid"); fi
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  if [[ ${DP_SERVERS_KEEP:-0} == 1 ]]; then
    _dp_log "kept $dir"
  else
    rm -rf "$dir"
  fi
  unset DP_SERVERS_DIR DP_MYSQL_PID DP_PG_STARTED
  unset DP_TEST_PG_URL DP_TEST_MYSQL_URL DP_TEST_SSL_CA DP_TEST_PG_SOCKET_DIR DP_TEST_MYSQL_SOCKET DP_TEST_MYSQL_PID
  return 0
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  case ${1:-} in
    start)
      DP_SERVERS_NO_TRAP=1
      dp_servers_start || exit 1
      for var in DP_SERVERS_DIR DP_TEST_PG_URL DP_TEST_SSL_CA DP_TEST_PG_SOCKET_DIR \
                 DP_TEST_MYSQL_URL DP_TEST_MYSQL_SOCKET DP_TEST_MYSQL_PID; do
        if [[ -n ${!var:-} ]]; then printf 'export %s=%q\n' "$var" "${!var}"; fi
      done
      ;;
    stop)
      dp_servers_stop
      ;;
    *)
      echo "usage: $0 start|stop   (or source it and call dp_servers_start)" >&2
      exit 2
      ;;
  esac
fi
