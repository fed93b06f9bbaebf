// A thin RAII wrapper over libpq: a connection with safe defaults, results, a pipelined batch, masked errors.
#pragma once

#include "sync/link_watch.h"

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pgsync {

/// A PostgreSQL failure, its message already free of any password.
class PgError : public std::runtime_error {
public:
    explicit PgError(const std::string& what, bool loginRefused = false)
        : std::runtime_error(what), m_loginRefused(loginRefused) {}
    /// The server turned the login away: it asked for a password and the one given did not do (or none was given),
    /// or it refused the user or database after the password. Not a lost link: trying again soon changes nothing.
    bool loginRefused() const { return m_loginRefused; }

private:
    bool m_loginRefused = false;
};

/// `text` with every password of `conninfo` (keyword form, URI user:password@, ?password=) replaced by "***".
std::string maskSecrets(const std::string& text, const std::string& conninfo);
/// The server as it may appear in a log line: host, port, database and user of `conninfo`, never the password.
std::string describeServer(const std::string& conninfo);

/// One query result; owns the PGresult.
class PgResult {
public:
    explicit PgResult(PGresult* result) : m_result(result, &PQclear) {}
    ExecStatusType status() const { return PQresultStatus(m_result.get()); }
    int rows() const { return PQntuples(m_result.get()); }
    bool isNull(int row, int column) const { return PQgetisnull(m_result.get(), row, column) != 0; }
    std::string text(int row, int column) const { return PQgetvalue(m_result.get(), row, column); }
    long long integer(int row, int column) const;
    /// Rows an INSERT/UPDATE/DELETE touched.
    long long affected() const;
    std::string error() const { return PQresultErrorMessage(m_result.get()); }
    /// The SQLSTATE code (e.g. "23505"), empty when there is none.
    std::string sqlState() const;

private:
    std::unique_ptr<PGresult, decltype(&PQclear)> m_result;
};

using Params = std::vector<std::optional<std::string>>;

/// One statement of a pipelined batch.
struct PipelineStep {
    std::string sql;
    Params params;
};

/// A connection. The keepalive and timeout defaults notice a silently dropped link within a few seconds;
/// settings in `conninfo` override them. Statements run without blocking in libpq: while waiting for the server
/// the connection looks at its socket every few hundred milliseconds and gives up on a link that went silent
/// (link_watch.h) after tcp_user_timeout, counted from the last sign of life, not from the last send.
/// Not thread-safe: one per thread.
class PgConnection {
public:
    /// Connects or throws PgError with one line naming the server (masked) and libpq's reason.
    explicit PgConnection(const std::string& conninfo);
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    /// Runs one statement with text parameters; throws PgError unless it succeeded.
    PgResult exec(const std::string& sql, const Params& params = {});
    /// Runs several statements (no parameters) in one round trip; throws PgError on the first failure.
    void execScript(const std::string& sql);
    /// Sends every step in pipeline mode (one round trip for the lot) and returns their results in order.
    /// Throws PgError with the first failing step's message; the steps are meant to hold their own BEGIN/COMMIT,
    /// so a failure aborts the transaction as a whole.
    std::vector<PgResult> pipeline(const std::vector<PipelineStep>& steps);
    /// False after the server went away or the link went silent (the next call would fail).
    bool healthy() const { return !m_lost && PQstatus(m_conn.get()) == CONNECTION_OK; }
    PGconn* raw() { return m_conn.get(); }
    int socket() const { return PQsocket(m_conn.get()); }
    /// After this long without a sign of life while waiting, the link counts as dropped (0: left to the kernel).
    int silenceMs() const { return m_silenceMs; }
    /// Reads what arrived (notifications, the end of a result) without blocking; throws PgError when the
    /// connection broke or the link went silent while something of this kiosk's waits for the server.
    void consumeInput();

private:
    [[noreturn]] void fail(const std::string& what, const std::string& reason, bool loginRefused = false) const;
    [[noreturn]] void failLink(const std::string& what, const std::string& reason);
    void readSettings();
    LinkWatch watch() const { return LinkWatch(m_silenceMs, m_keepalivesHeard); }
    /// Waits (one short tick at most) for the socket to be ready for `events`, reads what came, asks the watch.
    void waitSocket(short events, LinkWatch& watch);
    void send(int sent);
    void sendStatement(const std::string& sql, const Params& params);
    /// Hands libpq's buffered output to the kernel, waiting as needed.
    void flushOutput(LinkWatch& watch);
    /// The next result (nullptr at the end of a statement's results), waiting without blocking in libpq.
    PGresult* nextResult(LinkWatch& watch);
    /// Every result of what was sent: the last one; throws PgError with the first that failed.
    PgResult collectResults(LinkWatch& watch);

    std::string m_conninfo;
    std::unique_ptr<PGconn, decltype(&PQfinish)> m_conn;
    int m_silenceMs = 0;
    bool m_keepalivesHeard = false;
    bool m_lost = false;
};

}  // namespace pgsync
