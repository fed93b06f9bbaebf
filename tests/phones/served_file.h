// The start of every phone test with real sockets: a database file whose conference event is active, and the
// phone server's options for it on 127.0.0.1 (any free port, a small pool).
#pragma once

#include "../storage/fixtures.h"

#include "phones/server.h"

namespace fixtures {

struct ServedFile {
    TempFile file;
    phones::ServerOptions options;

    explicit ServedFile(const char* name) : file(name) {
        {
            ManualClock clock;
            storage::Store store(file.path, fixtures::options(clock));
            store.activateEvent(store.createEvent(conference()));
        }
        options.dbPath = file.path;
        options.listen = phones::ListenAddress::parse("127.0.0.1:0");
        options.threads = 8;
    }
};

}  // namespace fixtures
