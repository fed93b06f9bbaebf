// The phone server's switch (see server_switch.h).
#include "phones/server_switch.h"

#include "storage/store.h"

#include <exception>

namespace phones {

ServerSwitch::ServerSwitch(ServerOptions options, std::function<void()> changed)
    : m_options(std::move(options)), m_changed(std::move(changed)) {
    m_thread = std::thread([this] { loop(); });
}

ServerSwitch::~ServerSwitch() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void ServerSwitch::want(bool on) {
    {
        std::lock_guard lock(m_mutex);
        m_wanted = on;
    }
    m_wake.notify_one();
}

ServerSwitch::Status ServerSwitch::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void ServerSwitch::loop() {
    std::unique_ptr<PhoneServer> server;
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [&] { return m_quit || m_wanted != static_cast<bool>(server); });
        const bool start = !m_quit && m_wanted;
        lock.unlock();
        Status status;
        if (start) {
            auto fresh = std::make_unique<PhoneServer>(m_options);
            try {
                fresh->start();
                status.serving = true;
                status.url = fresh->url();
                server = std::move(fresh);
            } catch (const std::exception& e) {
                status.error = e.what();
                if (m_options.log) m_options.log(std::string("phones: not started: ") + e.what());
            }
        } else {
            server.reset();  // stops, clears its URL from the database, joins its threads
        }
        lock.lock();
        m_status = status;
        // A start that failed is not retried until the wish changes: off, then on again.
        if (start && !status.serving) m_wanted = false;
        if (m_changed) {
            lock.unlock();
            m_changed();
            lock.lock();
        }
        if (m_quit && !server) return;
    }
}

}  // namespace phones
