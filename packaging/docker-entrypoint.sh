#!/bin/sh
# The container's entrypoint (Dockerfile): before `serve`, `sagsaudit init` brings the database
# up to date (migrations; the configured kvalitetskoncepter and årshjul, a new version only when
# a file changed), as the Debian package's postinst does. Any other command runs as given:
#   docker run --rm sagsaudit user passwd anna
set -e
if [ "${1:-}" = "serve" ]; then
  sagsaudit init
fi
exec sagsaudit "$@"
