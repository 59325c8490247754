#!/usr/bin/env bash
# Runs Debian's clickhouse-server (18.16) in the foreground with its own config on loopback.
# Usage: run-clickhouse.sh DATA_DIR HTTP_PORT TCP_PORT
# Development/test only: the default user has no password and listens on 127.0.0.1 alone.
set -euo pipefail
dir=$(realpath -m "$1"); http_port=$2; tcp_port=$3
mkdir -p "$dir"/{data,tmp,user_files,log,format_schemas}
cat > "$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><size>50M</size><count>2</count></logger>
  <http_port>$http_port</http_port>
  <tcp_port>$tcp_port</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <max_connections>1024</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <!-- The packaged default is 5 GiB; a small box shares memory with everything else. -->
  <mark_cache_size>268435456</mark_cache_size>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
</yandex>
XML
cat > "$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>4000000000</max_memory_usage><load_balancing>random</load_balancing></default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
# The fleet database must exist before a client names it in its connection string.
mkdir -p "$dir/data/metadata"
if [ ! -f "$dir/data/metadata/fleet.sql" ]; then
  printf 'ATTACH DATABASE fleet\nENGINE = Ordinary\n' > "$dir/data/metadata/fleet.sql"
  mkdir -p "$dir/data/data/fleet" "$dir/data/metadata/fleet"
fi
exec /usr/sbin/clickhouse-server --config-file="$dir/config.xml"
