#include "server/http_server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "domain/errors.hpp"
#include "server/api.hpp"
#include "server/database_pool.hpp"
#include "server/metrics.hpp"
#include "server/static_files.hpp"
#include "server/tick_timer.hpp"
#include "server/upload_staging.hpp"
#include "setup/database_setup.hpp"
#include "users/login.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::server {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

class ConnectionBase {
 public:
  virtual ~ConnectionBase() = default;
  virtual void stop_when_idle() = 0;
};

// Staging directories left by a server killed during a population upload hold the received
// CSV with CPR numbers: removed before serving (upload_staging.hpp). A folder that cannot be
// swept is logged, not fatal: the server may still serve everything else.
void remove_stale_uploads(const std::string& upload_dir) {
  try {
    const std::size_t removed = remove_stale_staging(upload_dir);
    if (removed > 0) {
      std::cerr << "{\"level\":\"info\",\"event\":\"stale_uploads_removed\",\"count\":" << removed
                << "}" << std::endl;
    }
  } catch (const std::exception& e) {
    std::cerr << "{\"level\":\"error\",\"event\":\"stale_uploads\",\"message\":"
              << boost::json::serialize(boost::json::value(e.what())) << "}" << std::endl;
  }
}

}  // namespace

struct HttpServer::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        pool(options.config.database_url, options.pool_size, options.pool_wait),
        api(options, pool, metrics),
        acceptor(ioc),
        signals(ioc),
        workers(static_cast<std::size_t>(options.workers)),
        probes(1) {}

  ServerOptions options;
  Metrics metrics;
  DatabasePool pool;
  Api api;
  net::io_context ioc;
  std::optional<ssl::context> tls;
  tcp::acceptor acceptor;
  net::signal_set signals;
  bool use_signals = false;
  net::thread_pool workers;
  // /healthz and /metrics run apart from the API's queue, on a connection the workers never
  // hold (the pool has one more than there are workers), so a probe answers even while every
  // worker is busy with slow reports.
  net::thread_pool probes;
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::vector<std::weak_ptr<ConnectionBase>> connections;
  std::mutex log_mutex;
  unsigned short bound_port = 0;

  void accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void do_stop();
  void access_log(const std::string& method, const std::string& route, unsigned status, double ms) {
    if (!options.access_log) return;
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.2f", ms);
    const std::string text = "{\"time\":\"" +
                             iso_from_unix(std::chrono::duration_cast<std::chrono::seconds>(
                                               std::chrono::system_clock::now().time_since_epoch())
                                               .count()) +
                             "\",\"method\":" + boost::json::serialize(boost::json::value(method)) +
                             ",\"route\":" + boost::json::serialize(boost::json::value(route)) +
                             ",\"status\":" + std::to_string(status) + ",\"ms\":" + duration +
                             "}\n";
    std::lock_guard lock(log_mutex);
    std::cerr << text << std::flush;
  }
  void track(const std::shared_ptr<ConnectionBase>& c) {
    std::lock_guard lock(connections_mutex);
    std::erase_if(connections, [](const auto& w) { return w.expired(); });
    connections.push_back(c);
  }
};

namespace {

template <class Stream>
class Connection : public ConnectionBase, public std::enable_shared_from_this<Connection<Stream>> {
 public:
  Connection(HttpServer::Impl& server, Stream stream)
      : server_(server), stream_(std::move(stream)) {
    server_.metrics.connection_opened();
  }
  ~Connection() override { server_.metrics.connection_closed(); }

  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  void start() {
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(server_.options.read_timeout);
      stream_.async_handshake(ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (ec) return self->close();
                                self->read();
                              });
    } else {
      read();
    }
  }

  void stop_when_idle() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (!self->busy_) {
        beast::error_code ignored;
        beast::get_lowest_layer(self->stream_).socket().close(ignored);
      }
    });
  }

 private:
  void read() {
    if (server_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
    // Beast refuses a Content-Length above the limit while it parses the header, before it
    // knows the route: let the header through up to the largest limit, and on_header applies
    // the route's own.
    parser_->body_limit(std::max(server_.options.body_limit, server_.options.upload_limit));
    limit_ = server_.options.body_limit;
    // One deadline for the whole request, header and body: a client that dribbles its bytes
    // (slowloris) is cut off after read_timeout however it paces them.
    beast::get_lowest_layer(stream_).expires_after(server_.options.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                              self->on_header(ec);
                            });
  }

  void on_header(beast::error_code ec) {
    if (ec) return refuse_or_close(ec);
    busy_ = true;
    started_ = std::chrono::steady_clock::now();
    const auto& req = parser_->get();
    method_ = std::string(req.method_string());
    version_ = req.version();
    auto head = std::make_shared<ApiRequest>();
    head->method = method_;
    split_target(std::string(req.target()), head->path, head->query);
    const bool upload = is_upload(head->method, head->path);
    const std::size_t limit = upload ? server_.options.upload_limit : server_.options.body_limit;
    // Refused before a byte of the body is read: a declared length over the limit, or a body
    // of more than the limit in chunks (counted as it comes).
    if (const auto length = parser_->content_length(); length && *length > limit) {
      return refuse_or_close(http::error::body_limit);
    }
    parser_->body_limit(limit);
    limit_ = limit;
    const bool expect_continue = beast::iequals(req[http::field::expect], "100-continue");
    if (!upload) return continue_then_read(expect_continue);
    // An upload may be large: the session, the CSRF token and the role are checked before the
    // body is read, so a stranger cannot make the server take in 256 MiB.
    head->session_token = cookie_value(std::string(req[http::field::cookie]), "sagsaudit_session");
    head->csrf_header = std::string(req["X-CSRF-Token"]);
    head->secure = kTls;
    net::post(server_.workers, [self = this->shared_from_this(), head, expect_continue,
                                guard = net::make_work_guard(server_.ioc)]() mutable {
      ApiResponse verdict = self->server_.api.check_access(*head);
      net::post(self->stream_.get_executor(), [self, expect_continue, verdict = std::move(verdict),
                                               guard = std::move(guard)]() mutable {
        if (verdict.status != 100) {
          self->keep_alive_ = false;  // the body is not read: the connection cannot go on
          self->linger_ = true;
          return self->write(std::move(verdict));
        }
        self->continue_then_read(expect_continue);
      });
    });
  }

  // "Expect: 100-continue": the client waits for a go-ahead before it sends the body.
  void continue_then_read(bool expect_continue) {
    if (!expect_continue) return read_body();
    auto go_on =
        std::make_shared<http::response<http::empty_body>>(http::status::continue_, version_);
    http::async_write(stream_, *go_on,
                      [self = this->shared_from_this(), go_on](beast::error_code e, std::size_t) {
                        if (e) return self->close();
                        self->read_body();
                      });
  }

  void read_body() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code ec2, std::size_t) {
                       self->on_read(ec2);
                     });
  }

  bool is_upload(const std::string& method, const std::string& path) const {
    std::map<std::string, std::string> params;
    bool known = false;
    const Route* route = server_.api.router().match(method, path, params, known);
    return route && route->pattern == "/api/v1/rounds/{id}/population";
  }

  void refuse_or_close(beast::error_code ec) {
    if (ec == http::error::body_limit || ec == http::error::header_limit) {
      busy_ = true;
      started_ = std::chrono::steady_clock::now();
      const bool body = ec == http::error::body_limit;
      ApiResponse r = error_response(
          body ? 413 : 431, body ? "for_stor" : "ugyldig",
          body ? "forespørgslen er for stor (højst " + std::to_string(limit_ / 1024) + " KiB)"
               : "hovederne eller adressen er for lange (højst " +
                     std::to_string(server_.options.header_limit / 1024) + " KiB)");
      r.route = "ukendt";
      if (method_.empty()) method_ = "?";
      version_ = 11;
      keep_alive_ = false;
      linger_ = true;
      return write(std::move(r));
    }
    // A request the parser cannot read (bad syntax, a bad Content-Length, a bare LF): 400, and
    // the connection ends. Timeouts and closed connections just end.
    if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
      busy_ = true;
      started_ = std::chrono::steady_clock::now();
      ApiResponse r = error_response(400, "ugyldig", "forespørgslen er ikke gyldig HTTP");
      r.route = "ukendt";
      method_ = "?";
      version_ = 11;
      keep_alive_ = false;
      linger_ = true;
      return write(std::move(r));
    }
    close();
  }

  void on_read(beast::error_code ec) {
    if (ec) return refuse_or_close(ec);
    http::request<http::string_body> req = parser_->release();
    method_ = std::string(req.method_string());
    version_ = req.version();
    keep_alive_ = req.keep_alive();
    beast::error_code peer_ec;
    const auto peer = beast::get_lowest_layer(stream_).socket().remote_endpoint(peer_ec);

    auto api_request = std::make_shared<ApiRequest>();
    api_request->method = method_;
    split_target(std::string(req.target()), api_request->path, api_request->query);
    api_request->body = std::move(req.body());
    api_request->content_type = std::string(req[http::field::content_type]);
    api_request->session_token =
        cookie_value(std::string(req[http::field::cookie]), "sagsaudit_session");
    api_request->csrf_header = std::string(req["X-CSRF-Token"]);
    api_request->secure = kTls;
    if (!peer_ec) api_request->remote_address = peer.address().to_string();

    if (!Api::handles(api_request->path)) {
      return write(static_file(server_.options.ui_dir, method_, api_request->path));
    }
    // Database work runs on the worker pool; the answer comes back to this connection's strand.
    // The work guard keeps the I/O threads alive for it during a graceful stop.
    const bool probe = api_request->path == "/healthz" || api_request->path == "/metrics";
    net::post(probe ? server_.probes : server_.workers,
              [self = this->shared_from_this(), api_request,
               guard = net::make_work_guard(server_.ioc)]() mutable {
                ApiResponse response = self->server_.api.handle(*api_request);
                net::post(self->stream_.get_executor(), [self, response = std::move(response),
                                                         guard = std::move(guard)]() mutable {
                  self->write(std::move(response));
                });
              });
  }

  void write(ApiResponse r) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(version_);
    res->result(r.status);
    res->set(http::field::server, "sagsaudit");
    if (!r.content_type.empty()) res->set(http::field::content_type, r.content_type);
    res->set("X-Content-Type-Options", "nosniff");
    res->set("X-Frame-Options", "DENY");
    res->set("Referrer-Policy", "no-referrer");
    res->set("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
             "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    if (kTls) res->set("Strict-Transport-Security", "max-age=31536000");
    for (const auto& [name, value] : r.headers) res->insert(name, value);
    res->body() = std::move(r.body);
    res->keep_alive(keep_alive_ && !server_.stopping);
    res->prepare_payload();
    response_ = res;
    // Counted when the response is ready, before it is written: a client that reads /metrics
    // right after an answer sees that answer counted.
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
            .count();
    server_.metrics.record(method_, r.route, r.status, ms / 1000.0);
    server_.access_log(method_, r.route, r.status, ms);
    beast::get_lowest_layer(stream_).expires_after(server_.options.write_timeout);
    http::async_write(stream_, *res,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                        self->on_write(ec);
                      });
  }

  void on_write(beast::error_code ec) {
    const bool keep = response_ && response_->keep_alive();
    response_.reset();
    busy_ = false;
    if (ec || !keep) return close();
    read();
  }

  void close() {
    beast::error_code ignored;
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
        beast::error_code ignored2;
        beast::get_lowest_layer(self->stream_).socket().close(ignored2);
      });
    } else if (linger_) {
      // A refused request whose body was not read: closing now, with unread bytes, would make
      // the kernel reset the connection and the client could lose the refusal before reading
      // it. Stop sending, read and drop what still comes for a short while, then close.
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      stream_.expires_after(std::chrono::seconds(2));
      drain();
    } else {
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      stream_.socket().close(ignored);
    }
  }

  void drain() {
    if constexpr (!kTls) {
      if (!discard_) discard_ = std::make_unique<std::array<char, 16 * 1024>>();
      stream_.async_read_some(net::buffer(*discard_),
                              [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                if (!ec) return self->drain();
                                beast::error_code ignored;
                                self->stream_.socket().close(ignored);
                              });
    }
  }

  HttpServer::Impl& server_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> response_;
  std::unique_ptr<std::array<char, 16 * 1024>> discard_;
  std::size_t limit_ = 0;  // the body limit of the request being read
  bool linger_ = false;    // close() drains first (a refusal before the body was read)
  bool busy_ = false;
  bool keep_alive_ = true;
  unsigned version_ = 11;
  std::string method_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace

void HttpServer::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void HttpServer::Impl::on_accept(beast::error_code ec, tcp::socket socket) {
  if (stopping || !acceptor.is_open()) return;
  if (!ec) {
    if (tls) {
      auto c = std::make_shared<Connection<beast::ssl_stream<beast::tcp_stream>>>(
          *this, beast::ssl_stream<beast::tcp_stream>(beast::tcp_stream(std::move(socket)), *tls));
      track(c);
      c->start();
    } else {
      auto c = std::make_shared<Connection<beast::tcp_stream>>(
          *this, beast::tcp_stream(std::move(socket)));
      track(c);
      c->start();
    }
  }
  accept();
}

void HttpServer::Impl::do_stop() {
  stopping = true;
  beast::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  std::vector<std::shared_ptr<ConnectionBase>> live;
  {
    std::lock_guard lock(connections_mutex);
    for (auto& w : connections) {
      if (auto c = w.lock()) live.push_back(std::move(c));
    }
  }
  for (auto& c : live) c->stop_when_idle();
}

HttpServer::HttpServer(ServerOptions options) {
  // Migrations run once here, before any pooled connection is opened.
  open_database(options.config);
  remove_stale_uploads(options.upload_dir);
  impl_ = std::make_unique<Impl>(std::move(options));
  if (!impl_->options.tls_cert.empty()) {
    impl_->tls.emplace(ssl::context::tls_server);
    impl_->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                            ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                            ssl::context::no_tlsv1_1);
    try {
      impl_->tls->use_certificate_chain_file(impl_->options.tls_cert);
      impl_->tls->use_private_key_file(impl_->options.tls_key, ssl::context::pem);
    } catch (const boost::system::system_error& e) {
      throw ValidationError(
          std::vector<Issue>{{"", 0, 0, "[server] tls_cert/tls_key",
                              "kan ikke læse certifikat eller nøgle (" + impl_->options.tls_cert +
                                  ", " + impl_->options.tls_key + "): " + e.code().message()}});
    }
  }
}

HttpServer::~HttpServer() {
  if (!impl_) return;
  stop();
  wait();
}

void HttpServer::start() {
  auto& i = *impl_;
  beast::error_code ec;
  const auto address = net::ip::make_address(i.options.host, ec);
  if (ec) throw ValidationError("'" + i.options.host + "' er ikke en IP-adresse ([server] listen)");
  const tcp::endpoint endpoint(address, i.options.port);
  i.acceptor.open(endpoint.protocol(), ec);
  if (!ec) i.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) i.acceptor.bind(endpoint, ec);
  if (!ec) i.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    throw StorageError("kan ikke lytte på " + i.options.host + ":" +
                       std::to_string(i.options.port) + ": " + ec.message());
  }
  i.bound_port = i.acceptor.local_endpoint().port();
  if (i.use_signals) {
    i.signals.add(SIGTERM);
    i.signals.add(SIGINT);
    i.signals.async_wait([this](beast::error_code e, int) {
      if (!e) impl_->do_stop();
    });
  }
  i.accept();
  for (int t = 0; t < i.options.io_threads; ++t) {
    i.threads.emplace_back([&i] { i.ioc.run(); });
  }
}

unsigned short HttpServer::port() const {
  return impl_->bound_port;
}

void HttpServer::stop_on_signals() {
  impl_->use_signals = true;
}

void HttpServer::stop() {
  net::post(impl_->ioc, [i = impl_.get()] { i->do_stop(); });
}

void HttpServer::wait() {
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  impl_->workers.join();
  impl_->probes.join();
}

const Router& HttpServer::router() const {
  return impl_->api.router();
}

int serve(const ServerOptions& options, std::ostream& out) {
  HttpServer server(options);
  server.stop_on_signals();
  server.start();
  // The scheduler (issue 4): tick for today now and then every tick_interval, on its own
  // connection, until the server stops.
  std::optional<TickTimer> ticker;
  if (options.tick_interval.count() > 0) {
    ticker.emplace(
        options.config, options.tick_interval, [] { return local_today(); }, std::cerr);
  }
  out << "sagsaudit lytter på " << (options.tls_cert.empty() ? "http" : "https") << "://"
      << options.host << ":" << server.port() << "/ (" << options.io_threads << " I/O-tråde, "
      << options.workers << " arbejdstråde; stop med Ctrl-C eller SIGTERM)" << std::endl;
  server.wait();
  ticker.reset();
  out << "sagsaudit er stoppet." << std::endl;
  return 0;
}

}  // namespace sagsaudit::server
