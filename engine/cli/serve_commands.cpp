// sagsaudit serve: the web application (issue 6, docs/web.md).
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "server/http_server.hpp"

namespace sagsaudit::cli {
namespace {

int run_serve(const po::variables_map&, CommandContext& ctx) {
  return server::serve(server::server_options(ctx.config), ctx.out) == 0 ? exit_ok : exit_internal;
}

}  // namespace

std::vector<Command> serve_commands() {
  return {
      Command{{"serve"},
              "start webapplikationen (JSON-API og brugerflade)",
              "[--listen VÆRT:PORT] [--ui-dir MAPPE] [--threads N] [--workers N] "
              "[--tls-cert FIL --tls-key FIL]",
              "Starter webserveren på [server] listen (standard 127.0.0.1:8080) med JSON-API'et\n"
              "under /api/v1 (web/openapi.yaml), brugerfladen fra --ui-dir og /healthz og\n"
              "/metrics. Med tls_cert og tls_key kun HTTPS. Brugerne logger ind med den\n"
              "adgangskode, 'sagsaudit user passwd' har sat. Stopper pænt på SIGTERM eller\n"
              "Ctrl-C: igangværende forespørgsler besvares først. Én JSON-linje pr.\n"
              "forespørgsel skrives til standard error (metode, rute, status, ms).\n"
              "Planlæggeren (tick) kører ved start og hvert [server] tick_minutes (standard\n"
              "60; 0 = slået fra). Se docs/web.md.",
              nullptr,
              run_serve},
  };
}

}  // namespace sagsaudit::cli
