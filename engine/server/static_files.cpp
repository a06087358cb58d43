#include "server/static_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sagsaudit::server {
namespace {

std::string content_type(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

ApiResponse plain(unsigned status, const std::string& text) {
  ApiResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = text;
  return r;
}

// The decoded path: absolute, no NUL or other control character, no backslash, no empty
// segment ("//etc/passwd" would make an absolute path of the rest), no "." or "..".
bool safe(const std::string& path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string::npos || path.find("//") != std::string::npos) return false;
  for (const char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(start, end - start);
    if (segment == ".." || segment == ".") return false;
    start = end + 1;
  }
  return true;
}

// Whether the file, with every symbolic link resolved, lies in the UI directory.
bool inside(const std::filesystem::path& root, const std::filesystem::path& file) {
  std::error_code ec;
  const auto real_root = std::filesystem::canonical(root, ec);
  if (ec) return false;
  const auto real_file = std::filesystem::canonical(file, ec);
  if (ec) return false;
  const auto [end, unused] =
      std::mismatch(real_root.begin(), real_root.end(), real_file.begin(), real_file.end());
  return end == real_root.end();
}

ApiResponse file_response(const std::filesystem::path& file, bool head, bool immutable) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return plain(404, "ikke fundet\n");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  ApiResponse r;
  r.content_type = content_type(file);
  r.body = head ? std::string() : bytes.str();
  r.headers.emplace_back("Cache-Control",
                         immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace

ApiResponse static_file(const std::string& ui_dir, const std::string& method,
                        const std::string& path) {
  ApiResponse r;
  if (method != "GET" && method != "HEAD") {
    r = plain(405, "kun GET\n");
    r.route = "static";
    return r;
  }
  if (!safe(path)) {
    r = plain(400, "ugyldig sti\n");
    r.route = "static";
    return r;
  }
  namespace fs = std::filesystem;
  const fs::path root(ui_dir);
  const bool head = method == "HEAD";
  std::error_code ec;
  const fs::path file = root / path.substr(1);
  if (path != "/" && fs::is_regular_file(file, ec) && !inside(root, file)) {
    r = plain(404, "ikke fundet\n");  // a symbolic link out of the UI directory
  } else if (path != "/" && fs::is_regular_file(file, ec)) {
    r = file_response(file, head, path.rfind("/assets/", 0) == 0);
  } else if (path.rfind("/assets/", 0) == 0) {
    r = plain(404, "ikke fundet\n");  // a missing asset is an error, not a page
  } else if (fs::is_regular_file(root / "index.html", ec)) {
    r = file_response(root / "index.html", head, false);
  } else {
    r = plain(404,
              "Brugerfladen er ikke bygget: " + ui_dir +
                  "/index.html mangler (byg den med scripts/ui-build, eller angiv --ui-dir).\n");
  }
  r.route = "static";
  return r;
}

}  // namespace sagsaudit::server
