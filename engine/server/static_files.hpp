#pragma once
// The UI's files (web/ui/dist): a GET for an existing file gets it, any other path not under
// /api gets index.html (the single-page app routes on the client). Paths that try to leave the
// directory ("..", NUL, a backslash) are refused.
#include <string>

#include "server/http_message.hpp"

namespace sagsaudit::server {

ApiResponse static_file(const std::string& ui_dir, const std::string& method,
                        const std::string& path);

}  // namespace sagsaudit::server
