// `ideenkiosk server init|status`: the venue's PostgreSQL schema, and which kiosks sync with how much waiting.
#include "kiosk/app/cli/cli.h"

#include "sync/server.h"

#include <cstdio>
#include <iostream>

namespace kiosk::app {

namespace {

void printStatus(const pgsync::ServerStatus& status) {
    std::cout << "schema " << status.schema << ", last change " << status.lastSeq << '\n';
    for (const auto& [kind, count] : status.rows) std::cout << kind << " rows: " << count << '\n';
    if (status.kiosks.empty()) std::cout << "no kiosk has synced yet\n";
    for (const auto& k : status.kiosks) {
        char ago[32];
        std::snprintf(ago, sizeof ago, "%.0f s ago", k.secondsAgo);
        std::cout << "kiosk " << k.kioskId << ": last contact " << k.lastContact << " (" << ago << "), backlog "
                  << k.backlog << ", pushed " << k.pushed << ", cursor " << k.cursor << '\n';
    }
}

}  // namespace

void addServerOption(CLI::App& command, std::string& server) {
    command.add_option("--server", server, "libpq connection string or URL of the venue's PostgreSQL (or set "
                                           "IDEEN_SERVER; keep the password in ~/.pgpass or PGPASSWORD)")
        ->envname("IDEEN_SERVER")
        ->required();
}

void addServerCommands(CLI::App& app) {
    auto* server = app.add_subcommand("server", "The venue's PostgreSQL server: init, status");
    server->require_subcommand(1);
    auto url = std::make_shared<std::string>();

    auto* init = server->add_subcommand("init", "Create or migrate the venue schema on the server");
    addServerOption(*init, *url);
    init->callback([url] {
        pgsync::PgConnection pg(*url);
        const int before = pgsync::initServer(pg);
        const int now = pgsync::serverSchema(pg);
        std::cout << (before == now ? "server schema " + std::to_string(now) + " is current"
                                    : "server schema " + std::to_string(before) + " -> " + std::to_string(now))
                  << " at " << pgsync::describeServer(*url) << '\n';
    });

    auto* status = server->add_subcommand("status", "Kiosks, their last contact and backlog, and rows on the server");
    addServerOption(*status, *url);
    status->callback([url] {
        pgsync::PgConnection pg(*url);
        const auto s = pgsync::serverStatus(pg);
        if (s.schema == 0) throw pgsync::PgError("the server has no Ideenkiosk schema yet (run `ideenkiosk server init`)");
        printStatus(s);
    });
}

}  // namespace kiosk::app
