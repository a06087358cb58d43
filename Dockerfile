# sagsaudit in a container (issue 9, docs/operations.md "Containers"). Three stages:
#   ui      node on Debian 12 builds web/ui/dist (Vite 8 needs Node ≥ 20.19; Debian 12's is 18)
#   build   Debian 12 with exactly scripts/setup's build packages; the release preset's settings
#   runtime Debian 12 slim with only the runtime libraries, as the user sagsaudit
#     docker build -t sagsaudit .
#     docker compose up -d          (compose.yaml: the server and PostgreSQL 15)
# The runtime libraries are the Depends that dpkg-shlibdeps computes for the Debian package
# (./scripts/package; dpkg-deb --field out/package/sagsaudit_*.deb Depends).

FROM node:20-bookworm-slim AS ui
WORKDIR /src/web/ui
COPY web/ui/package.json web/ui/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web/ui/ ./
RUN npm run --silent build

FROM debian:12 AS build
WORKDIR /src
COPY scripts/setup scripts/setup
RUN SETUP_BUILD_ONLY=1 ./scripts/setup && rm -rf /var/lib/apt/lists/*
COPY CMakeLists.txt CMakePresets.json ./
COPY cmake cmake
COPY engine engine
COPY packaging packaging
COPY concepts concepts
COPY annual-wheel annual-wheel
COPY docs docs
COPY README.md README.md
COPY web/openapi.yaml web/openapi.yaml
COPY --from=ui /src/web/ui/dist web/ui/dist
RUN cmake --preset release -B build/docker -DCMAKE_INSTALL_PREFIX=/usr \
      -DSAGSAUDIT_BUILD_TESTS=OFF >/dev/null \
 && cmake --build build/docker --parallel "$(nproc)" \
 && DESTDIR=/staging cmake --install build/docker --strip >/dev/null \
 && rm -rf /staging/usr/lib/systemd

FROM debian:12-slim AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libboost-json1.81.0 libboost-program-options1.81.0 libc6 libgcc-s1 libpq5 \
      libsoci-core4.0 libsoci-postgresql4.0 libsoci-sqlite3-4.0 libsodium23 libssl3 \
      libstdc++6 libtomlplusplus3 libxlsxwriter4 \
      tzdata curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system sagsaudit \
 && useradd --system --gid sagsaudit --home-dir /var/lib/sagsaudit --no-create-home \
      --shell /usr/sbin/nologin sagsaudit \
 && install -d -o sagsaudit -g sagsaudit -m 0750 /var/lib/sagsaudit /var/lib/sagsaudit/uploads
COPY --from=build /staging/usr/ /usr/
COPY --from=build /staging/etc/sagsaudit/ /etc/sagsaudit/
COPY packaging/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh

USER sagsaudit
WORKDIR /var/lib/sagsaudit
# The installed configuration (/etc/sagsaudit/sagsaudit.toml: SQLite under /var/lib/sagsaudit,
# UI, concepts and årshjul under /usr/share/sagsaudit); the container listens on every address.
# Set SAGSAUDIT_DB (PostgreSQL) and SAGSAUDIT_CPR_KEY_FILE (a secret) when running it.
ENV SAGSAUDIT_LISTEN=0.0.0.0:8080 \
    TZ=Europe/Copenhagen
EXPOSE 8080
VOLUME ["/var/lib/sagsaudit"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz >/dev/null || exit 1
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["serve"]
