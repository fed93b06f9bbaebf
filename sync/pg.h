// A thin RAII wrapper over libpq: a connection with safe defaults, results, a pipelined batch, masked errors.
#pragma once

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
    using std::runtime_error::runtime_error;
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
/// settings in `conninfo` override them. Not thread-safe: one per thread.
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
    /// False after the server went away (the next call would fail).
    bool healthy() const { return PQstatus(m_conn.get()) == CONNECTION_OK; }
    PGconn* raw() { return m_conn.get(); }
    int socket() const { return PQsocket(m_conn.get()); }

private:
    [[noreturn]] void fail(const std::string& what, const std::string& reason) const;

    std::string m_conninfo;
    std::unique_ptr<PGconn, decltype(&PQfinish)> m_conn;
};

}  // namespace pgsync
