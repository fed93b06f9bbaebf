// The venue-Wi-Fi phone server: cpp-httplib on its own threads in front of PhoneApi, with its own connections.
#pragma once

#include "phones/api.h"

#include <functional>
#include <memory>
#include <string>

namespace storage {
class WordList;
}

namespace phones {

/// "ADDRESS:PORT" split; throws std::invalid_argument with a clear message for anything else.
struct ListenAddress {
    std::string host;
    int port = 0;
    static ListenAddress parse(const std::string& text);
    std::string url() const;  ///< "http://host:port/"
};

struct ServerOptions {
    std::string dbPath;
    ListenAddress listen;
    std::shared_ptr<const storage::WordList> wordList;  ///< ideas from phones are flagged like the kiosk's
    PageTexts texts;  ///< /texts.json, from the [phone] tables of assets/i18n
    Limits limits;
    ConnectionLimits connections;  ///< a request's deadline (slow clients), idle keep-alive, writes
    int threads = 128;        ///< cpp-httplib 0.11 holds a thread per keep-alive connection
    int backlog = 512;        ///< its own listen backlog is 5
    int busyTimeoutMs = 5000;
    std::function<void(const std::string&)> log;  ///< one line per refused request and per start/stop
};

class PhoneServer {
public:
    explicit PhoneServer(ServerOptions options);
    ~PhoneServer();  ///< stops and joins
    PhoneServer(const PhoneServer&) = delete;
    PhoneServer& operator=(const PhoneServer&) = delete;

    /// Opens the database, binds the address and starts serving on a thread of its own. Throws
    /// std::runtime_error (or storage::StoreError) with one clear line when the address or the file cannot be used.
    void start();
    /// The port bound (useful with port 0).
    int port() const;
    /// What phones open, e.g. "http://192.168.1.10:8080/" (a LAN address in place of 0.0.0.0); also recorded in
    /// the database's meta table while serving (storage/phone_address.h), cleared by stop().
    std::string url() const;
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace phones
