// TCP_INFO of the server connection and the rules that call a link dropped (see link_watch.h).
#include "sync/link_watch.h"

#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>

namespace pgsync {

namespace {

// Fields a kernel may not fill (older ones return a shorter struct): present when the answer reaches past them.
bool filled(socklen_t length, std::size_t offset, std::size_t size) { return length >= offset + size; }

std::string seconds(int ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", ms / 1000.0);
    return text;
}

}  // namespace

std::optional<LinkSample> sampleLink(int socket) {
    if (socket < 0) return std::nullopt;
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(socket, IPPROTO_TCP, TCP_INFO, &info, &length) != 0) return std::nullopt;  // not TCP
    LinkSample sample;
    sample.msSinceHeard = std::min(info.tcpi_last_data_recv, info.tcpi_last_ack_recv);
    if (filled(length, offsetof(tcp_info, tcpi_bytes_acked), sizeof info.tcpi_bytes_acked)) {
        sample.bytesAcked = info.tcpi_bytes_acked;
    }
    // Unsent bytes count only with an open window: a zero window is a slow server, not a lost one.
    const bool windowOpen = filled(length, offsetof(tcp_info, tcpi_snd_wnd), sizeof info.tcpi_snd_wnd) &&
                            info.tcpi_snd_wnd > 0;
    const bool unsent = filled(length, offsetof(tcp_info, tcpi_notsent_bytes), sizeof info.tcpi_notsent_bytes) &&
                        info.tcpi_notsent_bytes > 0;
    sample.ownBytesPending = info.tcpi_unacked > 0 || (unsent && windowOpen);
    return sample;
}

std::optional<std::string> LinkWatch::verdict(const LinkSample& sample, std::int64_t nowMs) {
    if (m_silenceMs <= 0 || !sample.ownBytesPending) {
        m_pendingSinceMs = -1;
        return std::nullopt;
    }
    if (m_pendingSinceMs < 0 || sample.bytesAcked != m_ackedThen) {
        m_pendingSinceMs = nowMs;
        m_ackedThen = sample.bytesAcked;
    }
    if (m_keepalivesHeard && sample.msSinceHeard >= static_cast<std::uint32_t>(m_silenceMs)) {
        return "nothing came from the server for " + seconds(static_cast<int>(sample.msSinceHeard)) +
               " (the link dropped)";
    }
    if (nowMs - m_pendingSinceMs >= m_silenceMs) {
        return "the server acknowledged nothing sent for " + seconds(static_cast<int>(nowMs - m_pendingSinceMs)) +
               " (the link dropped)";
    }
    return std::nullopt;
}

}  // namespace pgsync
