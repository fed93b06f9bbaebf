// Noticing a silently dropped link while the sync waits for the server: the socket's TCP_INFO, judged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pgsync {

/// What the kernel knows of a TCP connection at one moment (TCP_INFO).
struct LinkSample {
    std::uint32_t msSinceHeard = 0;  ///< since anything (data or an acknowledgement) came from the server
    bool ownBytesPending = false;    ///< bytes sent and not acknowledged, or waiting for an open window
    std::uint64_t bytesAcked = 0;    ///< bytes the server acknowledged so far
};

/// TCP_INFO of `socket`; nothing for a socket that is not TCP (a local Unix socket cannot drop silently).
std::optional<LinkSample> sampleLink(int socket);

/// Judges samples taken while the sync waits for the server. The kernel's own rules (keepalives,
/// TCP_USER_TIMEOUT) notice a dropped link within the user timeout only while the connection is idle; once the
/// kiosk sends, the clock starts again from that send (a push 2 s into a drop is noticed at 5 s), and when only
/// the kiosk's packets vanish the server's retransmissions keep the keepalives quiet. So, while own bytes are
/// pending, the watch calls the link dropped when
/// - nothing came from the server for `silenceMs`, counted from the last thing heard (only with keepalives that
///   make a live link heard more often than that: a live server's kernel answers a probe or a send at once); or
/// - nothing pending was acknowledged for `silenceMs` (the server's packets arrive, the kiosk's do not).
/// Bytes held back by a full window of a slow server are not pending: its kernel still answers.
class LinkWatch {
public:
    /// `silenceMs` 0: never (the kernel decides alone).
    LinkWatch(int silenceMs, bool keepalivesHeard) : m_silenceMs(silenceMs), m_keepalivesHeard(keepalivesHeard) {}

    /// One sample at `nowMs` (a steady clock); a reason in words when the link counts as dropped.
    std::optional<std::string> verdict(const LinkSample& sample, std::int64_t nowMs);

private:
    int m_silenceMs;
    bool m_keepalivesHeard;
    std::int64_t m_pendingSinceMs = -1;  ///< since when own bytes wait without any being acknowledged
    std::uint64_t m_ackedThen = 0;
};

}  // namespace pgsync
