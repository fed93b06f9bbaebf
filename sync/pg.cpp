// libpq behind RAII: connecting with keepalive defaults, parameterised statements, pipelines, password masking.
#include "sync/pg.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <regex>

namespace pgsync {

namespace {

// Noticing a silently dropped link takes about 3 s with these (measured with network namespaces); without them
// a kiosk would wait for the kernel's TCP timeout, many minutes.
const std::pair<const char*, const char*> kDefaults[] = {
    {"connect_timeout", "2"},   {"keepalives", "1"},       {"keepalives_idle", "1"}, {"keepalives_interval", "1"},
    {"keepalives_count", "3"},  {"tcp_user_timeout", "3000"}, {"application_name", "ideenkiosk"},
};

// libpq's messages span lines ("…failed: Connection refused\n\tIs the server running…"): one line of them.
std::string oneLine(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    const auto end = text.find_last_not_of(' ');
    text.erase(end == std::string::npos ? 0 : end + 1);
    std::string squeezed;
    for (char c : text) {
        if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += c;
    }
    return squeezed;
}

// The value of one keyword of a connection string (keyword form or URI), empty when absent or unreadable.
std::string conninfoValue(const std::string& conninfo, const std::string& keyword) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (error) PQfreemem(error);
    std::string value;
    for (auto* o = options; o && o->keyword; ++o) {
        if (keyword == o->keyword && o->val) value = o->val;
    }
    if (options) PQconninfoFree(options);
    return value;
}

// How often a wait looks at the socket's TCP state when nothing arrives.
constexpr int kTickMs = 100;

std::int64_t steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool succeeded(ExecStatusType status) { return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK; }

// A number the connection uses (PQconninfo: the defaults above or what the organisers wrote); `fallback` if unset.
int settingOf(const PQconninfoOption* options, const char* keyword, int fallback) {
    for (auto* o = options; o && o->keyword; ++o) {
        if (std::strcmp(o->keyword, keyword) == 0 && o->val && *o->val) return std::atoi(o->val);
    }
    return fallback;
}

}  // namespace

std::string maskSecrets(const std::string& text, const std::string& conninfo) {
    static const std::regex keyword(R"((password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+))", std::regex::icase);
    static const std::regex uri(R"((postgres(?:ql)?://[^:/@\s]*:)([^@\s]*)@)", std::regex::icase);
    std::string masked = std::regex_replace(text, keyword, "$1***");
    masked = std::regex_replace(masked, uri, "$1***@");
    // The password itself wherever a message quotes it (short ones too common in words to replace blindly).
    const std::string password = conninfoValue(conninfo, "password");
    if (password.size() >= 4) {
        for (auto at = masked.find(password); at != std::string::npos; at = masked.find(password, at + 3)) {
            masked.replace(at, password.size(), "***");
        }
    }
    return masked;
}

std::string describeServer(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (error) PQfreemem(error);
    if (!options) return "(an unreadable connection string)";
    std::string described;
    for (auto* o = options; o->keyword; ++o) {
        const std::string key = o->keyword;
        if (!o->val || !*o->val) continue;
        if (key == "host" || key == "hostaddr" || key == "port" || key == "dbname" || key == "user") {
            described += (described.empty() ? "" : " ") + key + "=" + o->val;
        }
    }
    PQconninfoFree(options);
    return described.empty() ? "(libpq defaults)" : described;
}

long long PgResult::integer(int row, int column) const {
    return isNull(row, column) ? 0 : std::stoll(text(row, column));
}

long long PgResult::affected() const {
    const char* count = PQcmdTuples(m_result.get());
    return count && *count ? std::stoll(count) : 0;
}

std::string PgResult::sqlState() const {
    const char* state = PQresultErrorField(m_result.get(), PG_DIAG_SQLSTATE);
    return state ? state : "";
}

PgConnection::PgConnection(const std::string& conninfo) : m_conninfo(conninfo), m_conn(nullptr, &PQfinish) {
    std::vector<const char*> keys;
    std::vector<const char*> values;
    for (const auto& [key, value] : kDefaults) {
        keys.push_back(key);
        values.push_back(value);
    }
    // Last, so that what the organisers wrote overrides the defaults (libpq keeps a keyword's last value).
    keys.push_back("dbname");
    values.push_back(conninfo.c_str());
    keys.push_back(nullptr);
    values.push_back(nullptr);
    m_conn.reset(PQconnectdbParams(keys.data(), values.data(), 1));
    if (!m_conn) throw PgError("cannot connect to PostgreSQL: out of memory");
    if (PQstatus(m_conn.get()) != CONNECTION_OK) {
        // libpq gives no SQLSTATE for a failed connection, but it says whether the server asked for a password:
        // then the server was reached and turned the login away (a wrong password, or after it the user or
        // database), which the worker must not take for a lost link (sync_worker.cpp).
        const bool loginRefused = PQconnectionNeedsPassword(m_conn.get()) || PQconnectionUsedPassword(m_conn.get());
        fail("cannot connect to PostgreSQL", PQerrorMessage(m_conn.get()), loginRefused);
    }
    // libpq prints the server's notices ("schema … already exists, skipping") on stderr by default; a command's
    // stderr is for its one line of failure.
    PQsetNoticeProcessor(m_conn.get(), [](void*, const char*) {}, nullptr);
    // Never blocking inside libpq: every wait is ours, with the link watch (and PQfinish never hangs on a dead link).
    if (PQsetnonblocking(m_conn.get(), 1) != 0) fail("cannot use the connection", PQerrorMessage(m_conn.get()));
    readSettings();
}

void PgConnection::readSettings() {
    PQconninfoOption* options = PQconninfo(m_conn.get());
    m_silenceMs = std::max(0, settingOf(options, "tcp_user_timeout", 0));
    // Keepalives make a live idle link heard every idle + interval seconds; only then is silence a verdict.
    const bool keepalives = settingOf(options, "keepalives", 1) != 0;
    const int cadenceMs = 1000 * (settingOf(options, "keepalives_idle", 7200) + settingOf(options, "keepalives_interval", 75));
    m_keepalivesHeard = keepalives && cadenceMs < m_silenceMs;
    if (options) PQconninfoFree(options);
}

void PgConnection::fail(const std::string& what, const std::string& reason, bool loginRefused) const {
    throw PgError(maskSecrets(what + " at " + describeServer(m_conninfo) + ": " + oneLine(reason), m_conninfo),
                  loginRefused);
}

void PgConnection::failLink(const std::string& what, const std::string& reason) {
    m_lost = true;
    fail(what, reason);
}

void PgConnection::consumeInput() {
    if (PQconsumeInput(m_conn.get()) != 1) failLink("lost the connection to the server", PQerrorMessage(m_conn.get()));
}

void PgConnection::waitSocket(short events, LinkWatch& watch) {
    PGconn* conn = m_conn.get();
    pollfd fd{PQsocket(conn), events, 0};
    if (fd.fd < 0) failLink("lost the connection to the server", PQerrorMessage(conn));
    const int ready = ::poll(&fd, 1, kTickMs);
    if (ready < 0 && errno != EINTR) failLink("cannot wait for the server", std::strerror(errno));
    if (ready > 0) consumeInput();
    if (const auto sample = sampleLink(fd.fd)) {
        if (const auto why = watch.verdict(*sample, steadyMs())) failLink("lost the connection to the server", *why);
    }
}

void PgConnection::send(int sent) {
    if (sent != 1) failLink("lost the connection while sending", PQerrorMessage(m_conn.get()));
}

void PgConnection::sendStatement(const std::string& sql, const Params& params) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    send(PQsendQueryParams(m_conn.get(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                           nullptr, 0));
}

void PgConnection::flushOutput(LinkWatch& watch) {
    for (;;) {
        const int left = PQflush(m_conn.get());
        if (left == 0) return;
        if (left < 0) failLink("lost the connection while sending", PQerrorMessage(m_conn.get()));
        waitSocket(POLLIN | POLLOUT, watch);  // reading meanwhile: the server may answer before it has read all
    }
}

PGresult* PgConnection::nextResult(LinkWatch& watch) {
    while (PQisBusy(m_conn.get())) waitSocket(POLLIN, watch);
    return PQgetResult(m_conn.get());
}

PgResult PgConnection::collectResults(LinkWatch& watch) {
    std::optional<PgResult> kept;  // the first that failed, else the last
    while (PGresult* raw = nextResult(watch)) {
        PgResult result(raw);
        if (!kept || succeeded(kept->status())) kept.emplace(std::move(result));
    }
    PGconn* conn = m_conn.get();
    if (PQstatus(conn) != CONNECTION_OK) {
        failLink("lost the connection to the server", kept && !kept->error().empty() ? kept->error() : PQerrorMessage(conn));
    }
    if (!kept) fail("PostgreSQL sent no result", PQerrorMessage(conn));
    if (!succeeded(kept->status())) {
        fail("PostgreSQL refused a statement", kept->error().empty() ? PQerrorMessage(conn) : kept->error());
    }
    return std::move(*kept);
}

PgResult PgConnection::exec(const std::string& sql, const Params& params) {
    sendStatement(sql, params);
    LinkWatch link = watch();
    flushOutput(link);
    return collectResults(link);
}

void PgConnection::execScript(const std::string& sql) {
    send(PQsendQuery(m_conn.get(), sql.c_str()));
    LinkWatch link = watch();
    flushOutput(link);
    collectResults(link);
}

std::vector<PgResult> PgConnection::pipeline(const std::vector<PipelineStep>& steps) {
    PGconn* conn = m_conn.get();
    if (PQenterPipelineMode(conn) != 1) fail("cannot start a pipeline", PQerrorMessage(conn));
    for (const auto& step : steps) sendStatement(step.sql, step.params);
    send(PQpipelineSync(conn));
    LinkWatch link = watch();
    flushOutput(link);
    std::vector<PgResult> results;
    std::string firstError;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        PGresult* raw = nextResult(link);
        if (!raw) failLink("lost the connection while reading", PQerrorMessage(conn));
        PgResult result(raw);
        const auto status = result.status();
        if (!succeeded(status) && firstError.empty()) {
            firstError = status == PGRES_PIPELINE_ABORTED ? "aborted" : result.error();
        }
        results.push_back(std::move(result));
        while (PGresult* extra = nextResult(link)) PQclear(extra);  // the NULL that ends each step's results
    }
    PgResult sync(nextResult(link));
    if (sync.status() != PGRES_PIPELINE_SYNC) failLink("the pipeline ended unexpectedly", PQerrorMessage(conn));
    PQexitPipelineMode(conn);
    if (!firstError.empty()) fail("PostgreSQL refused a batch", firstError);
    return results;
}

}  // namespace pgsync
