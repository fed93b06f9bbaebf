// What the sync may say about a server: passwords masked in every form a connection string can take.
#include "sync/pg.h"

#include <doctest/doctest.h>

using pgsync::describeServer;
using pgsync::maskSecrets;

TEST_SUITE("sync.pg") {

TEST_CASE("a password never survives masking") {
    struct Case {
        const char* form;
        std::string message, url, secret, kept;
    };
    const std::string keywords = "host=db port=5432 user=kiosk password=Geheim-42 dbname=ideen";
    const std::string quoted = "host=db password='mit Leer zeichen' user=kiosk";
    const std::string query = "postgres://db/ideen?user=kiosk&password=Geheim-42&sslmode=require";
    const Case cases[] = {
        {"keyword form", "cannot connect: " + keywords, keywords, "Geheim-42", "password=*** dbname=ideen"},
        {"quoted keyword value with spaces", quoted, quoted, "Leer", "user=kiosk"},
        {"URI with ?password=", query, query, "Geheim-42", "sslmode=require"},
        {"the password quoted by a message in other words", "server said: Geheim-42 is wrong", "host=db password=Geheim-42",
         "Geheim-42", "server said: *** is wrong"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.form);
        const auto masked = maskSecrets(c.message, c.url);
        CHECK(masked.find(c.secret) == std::string::npos);
        CHECK(masked.find(c.kept) != std::string::npos);
    }
    CHECK(maskSecrets("postgresql://kiosk:Geheim-42@db:5432/ideen", "postgresql://kiosk:Geheim-42@db:5432/ideen") ==
          "postgresql://kiosk:***@db:5432/ideen");
    CHECK(maskSecrets("connection refused", "host=db") == "connection refused");  // nothing to mask
}

TEST_CASE("the server is described without its password") {
    CHECK(describeServer("host=db port=5432 user=kiosk password=Geheim-42 dbname=ideen") ==
          "user=kiosk dbname=ideen host=db port=5432");
    CHECK(describeServer("postgresql://kiosk:Geheim-42@db/ideen").find("Geheim") == std::string::npos);
    CHECK(describeServer("this is = not 'a connection string") == "(an unreadable connection string)");
}

}  // TEST_SUITE
