// What the sync may say about a server: passwords masked in every form a connection string can take.
#include "sync/pg.h"

#include <doctest/doctest.h>

using pgsync::describeServer;
using pgsync::maskSecrets;

TEST_SUITE("sync.pg") {

TEST_CASE("a password never survives masking") {
    SUBCASE("keyword form") {
        const std::string url = "host=db port=5432 user=kiosk password=Geheim-42 dbname=ideen";
        const auto masked = maskSecrets("cannot connect: " + url, url);
        CHECK(masked.find("Geheim-42") == std::string::npos);
        CHECK(masked.find("password=***") != std::string::npos);
        CHECK(masked.find("host=db") != std::string::npos);
    }
    SUBCASE("quoted keyword value with spaces") {
        const std::string url = "host=db password='mit Leer zeichen' user=kiosk";
        const auto masked = maskSecrets(url, url);
        CHECK(masked.find("Leer") == std::string::npos);
        CHECK(masked.find("user=kiosk") != std::string::npos);
    }
    SUBCASE("URI with user:password@ and ?password=") {
        const std::string url = "postgresql://kiosk:Geheim-42@db:5432/ideen";
        CHECK(maskSecrets(url, url) == "postgresql://kiosk:***@db:5432/ideen");
        const std::string query = "postgres://db/ideen?user=kiosk&password=Geheim-42&sslmode=require";
        const auto masked = maskSecrets(query, query);
        CHECK(masked.find("Geheim-42") == std::string::npos);
        CHECK(masked.find("sslmode=require") != std::string::npos);
    }
    SUBCASE("the password quoted by a message in other words") {
        const std::string url = "host=db password=Geheim-42";
        CHECK(maskSecrets("server said: Geheim-42 is wrong", url) == "server said: *** is wrong");
    }
    SUBCASE("text without a password is left alone") {
        CHECK(maskSecrets("connection refused", "host=db") == "connection refused");
    }
}

TEST_CASE("the server is described without its password") {
    CHECK(describeServer("host=db port=5432 user=kiosk password=Geheim-42 dbname=ideen") ==
          "user=kiosk dbname=ideen host=db port=5432");
    CHECK(describeServer("postgresql://kiosk:Geheim-42@db/ideen").find("Geheim") == std::string::npos);
    CHECK(describeServer("this is = not 'a connection string") == "(an unreadable connection string)");
}

}  // TEST_SUITE
